using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansStreams.Api.Tests.Infrastructure;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Tests.Problems;

public sealed class ProblemDetailsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    [Fact]
    public async Task SiloError_BecomesAProblem_WhoseDetailIsTheSilosOwnWords()
    {
        var stream = UniqueKey.For("bad-range");
        await _http.AppendAsync(stream, new { n = "1" });
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        var direct = await silo.ExecuteAsync("XRANGE", stream, "not-an-id", "+");

        using var response = await _http.GetAsync($"/api/streams/{stream}/entries?start=not-an-id");

        Assert.True(direct.IsError);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal(direct.AsString(), problem.GetProperty("detail").GetString());
        Assert.Equal(direct.AsString(), problem.GetProperty("siloError").GetString());
        Assert.Equal("ERR", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ReadingAMissingGroup_Is404_WithTheNogroupError()
    {
        var stream = UniqueKey.For("no-group");
        await _http.AppendAsync(stream, new { n = "1" });

        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/groups/ghosts/read", new { consumer = "c1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("NOGROUP", problem.GetProperty("code").GetString());
        Assert.StartsWith("NOGROUP", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreatingAGroupTwice_Is409_WithTheBusygroupError()
    {
        var stream = UniqueKey.For("busy");
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", mkStream = true });

        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/groups", new { name = "g" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("BUSYGROUP", problem.GetProperty("code").GetString());
        Assert.Equal("BUSYGROUP Consumer Group name already exists", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StreamCommandOnAStringKey_Is409_WithTheWrongtypeError()
    {
        var key = UniqueKey.For("plain");
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        await silo.SetAsync(key, "text");

        using var response = await _http.PostAsJsonAsync($"/api/streams/{key}/entries", new { fields = new { a = "b" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("WRONGTYPE", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task InvalidBase64_IsRejectedByTheApi_WithA400Problem_AndNothingIsAppended()
    {
        var stream = UniqueKey.For("bad-base64");

        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/entries", new { encoding = "base64", fields = new { a = "%%%" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("base64", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        Assert.Equal(0, await silo.ExistsAsync(stream));
    }

    [Fact]
    public async Task MalformedJson_IsA400Problem()
    {
        var stream = UniqueKey.For("bad-json");
        using var content = new StringContent("{\"fields\": {\"a\": ", Encoding.UTF8, "application/json");

        using var response = await _http.PostAsync($"/api/streams/{stream}/entries", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.String, (await response.ReadJsonAsync()).GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task UnknownEncoding_IsA400Problem_NamingTheChoices()
    {
        using var response = await _http.GetAsync($"/api/streams/{UniqueKey.For("enc")}/entries?encoding=latin1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("utf8 or base64", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }
}
