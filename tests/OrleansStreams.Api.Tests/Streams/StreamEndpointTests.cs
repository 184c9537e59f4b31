using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansStreams.Api.Tests.Infrastructure;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Tests.Streams;

public sealed class StreamEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    [Fact]
    public async Task Append_ThenRange_ReturnsTheEntriesInOrderWithTheirFields()
    {
        var stream = UniqueKey.For("orders");
        var first = await _http.AppendAsync(stream, new { item = "widget", qty = "5" });
        var second = await _http.AppendAsync(stream, new { item = "gadget", qty = "1" });

        var range = await _http.GetJsonAsync($"/api/streams/{stream}/entries");

        var entries = range.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([first, second], entries.Select(entry => entry.GetProperty("id").GetString()));
        Assert.Equal(new Dictionary<string, string> { ["item"] = "widget", ["qty"] = "5" }, ApiJson.Fields(entries[0]));
        Assert.Equal("utf8", entries[0].GetProperty("encoding").GetString());
    }

    [Fact]
    public async Task Append_IsStoredInTheSilo_AsXaddWouldStoreIt()
    {
        var stream = UniqueKey.For("stored");
        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/entries", new { fields = new { item = "widget" }, id = "5-1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        var stored = Assert.Single(await silo.XRangeAsync(stream));
        Assert.Equal("5-1", stored.Id);
        Assert.Equal("widget", stored["item"]);
        Assert.Equal("5-1", (await response.ReadJsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Range_Reversed_ListsNewestFirstWithinTheBoundsAndCount()
    {
        var stream = UniqueKey.For("reverse");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));

        var range = await _http.GetJsonAsync($"/api/streams/{stream}/entries?reverse=true&start={ids[1]}&end={ids[3]}&count=2");

        Assert.Equal([ids[3], ids[2]], range.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Append_WithBase64Encoding_StoresTheExactBytes_AndReadsThemBackAsBase64()
    {
        var stream = UniqueKey.For("binary");
        byte[] value = [0xFF, 0x00, 0x80, 0x7F];
        var reply = await _http.PostJsonAsync($"/api/streams/{stream}/entries", new
        {
            encoding = "base64",
            fields = new Dictionary<string, string> { [Convert.ToBase64String("blob"u8.ToArray())] = Convert.ToBase64String(value) },
        });

        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        var stored = Assert.Single(await silo.XRangeAsync(stream));
        Assert.Equal(value, stored.Fields[0].Value.ToArray());
        // Bytes that are not UTF-8 come back as base64 even when text was asked for, and the entry says so.
        var entry = (await _http.GetJsonAsync($"/api/streams/{stream}/entries")).GetProperty("entries")[0];
        Assert.Equal(reply.GetProperty("id").GetString(), entry.GetProperty("id").GetString());
        Assert.Equal("base64", entry.GetProperty("encoding").GetString());
        Assert.Equal(Convert.ToBase64String(value), ApiJson.Fields(entry)[Convert.ToBase64String("blob"u8.ToArray())]);
    }

    [Fact]
    public async Task Range_WithBase64Requested_EncodesTextFieldsToo()
    {
        var stream = UniqueKey.For("base64-text");
        await _http.AppendAsync(stream, new { item = "widget" });

        var entry = (await _http.GetJsonAsync($"/api/streams/{stream}/entries?encoding=base64")).GetProperty("entries")[0];

        Assert.Equal("base64", entry.GetProperty("encoding").GetString());
        Assert.Equal(Convert.ToBase64String("widget"u8.ToArray()), ApiJson.Fields(entry)[Convert.ToBase64String("item"u8.ToArray())]);
    }

    [Fact]
    public async Task Append_WithRepeatedFieldNames_KeepsEveryPair_AsAnArrayOfPairs()
    {
        var stream = UniqueKey.For("pairs");
        await _http.PostJsonAsync($"/api/streams/{stream}/entries", new { fields = new[] { new[] { "tag", "a" }, new[] { "tag", "b" } } });

        var fields = (await _http.GetJsonAsync($"/api/streams/{stream}/entries")).GetProperty("entries")[0].GetProperty("fields");

        Assert.Equal(JsonValueKind.Array, fields.ValueKind);
        Assert.Equal(["tag", "a", "tag", "b"], fields.EnumerateArray().SelectMany(pair => pair.EnumerateArray()).Select(item => item.GetString()));
    }

    [Fact]
    public async Task Append_WithNumberAndBooleanValues_StoresTheirJsonText()
    {
        var stream = UniqueKey.For("numbers");
        using var content = new StringContent("""{"fields": {"qty": 5, "price": 9.99, "paid": true}}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"/api/streams/{stream}/entries", content);
        await ApiJson.EnsureSuccessAsync(response);

        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        var stored = Assert.Single(await silo.XRangeAsync(stream));
        Assert.Equal(["qty=5", "price=9.99", "paid=true"], stored.Fields.Select(field => field.ToString()));
    }

    [Fact]
    public async Task Append_WithAnObjectAsAValue_IsA400Problem()
    {
        var stream = UniqueKey.For("nested");

        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/entries", new { fields = new { a = new { b = "c" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a string", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Trim_ByMaxLen_RemovesTheOldestEntries()
    {
        var stream = UniqueKey.For("trim");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));

        var trimmed = await _http.PostJsonAsync($"/api/streams/{stream}/trim", new { maxLen = 2 });

        Assert.Equal(3, trimmed.GetProperty("trimmed").GetInt64());
        var left = (await _http.GetJsonAsync($"/api/streams/{stream}/entries")).GetProperty("entries");
        Assert.Equal(ids[3..], left.EnumerateArray().Select(entry => entry.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Info_ReportsLengthAndAVersionThatDeletesDoNotLower()
    {
        var stream = UniqueKey.For("info");
        var first = await _http.AppendAsync(stream, new { n = "1" });
        var last = await _http.AppendAsync(stream, new { n = "2" });
        await _http.AppendAsync(stream, new { n = "3" });
        using (var deleted = await _http.DeleteAsync($"/api/streams/{stream}/entries/{last}")) await ApiJson.EnsureSuccessAsync(deleted);

        var info = await _http.GetJsonAsync($"/api/streams/{stream}");

        Assert.Equal(2, info.GetProperty("length").GetInt64());
        Assert.Equal(3, info.GetProperty("version").GetInt64());
        Assert.Equal(first, info.GetProperty("firstEntry").GetProperty("id").GetString());
        Assert.Equal(last, info.GetProperty("maxDeletedEntryId").GetString());
    }

    [Fact]
    public async Task Delete_RemovesTheStream_AndASecondDeleteIsNotFound()
    {
        var stream = UniqueKey.For("delete");
        await _http.AppendAsync(stream, new { n = "1" });

        using var deleted = await _http.DeleteAsync($"/api/streams/{stream}");
        using var again = await _http.DeleteAsync($"/api/streams/{stream}");
        using var info = await _http.GetAsync($"/api/streams/{stream}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
    }

    [Fact]
    public async Task Delete_OfAKeyThatIsNotAStream_Is409_AndLeavesTheKey()
    {
        var key = UniqueKey.For("not-a-stream");
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        await silo.SetAsync(key, "keep me");

        using var response = await _http.DeleteAsync($"/api/streams/{key}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("WRONGTYPE", (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("keep me", (await silo.GetAsync(key))?.ToString());
    }

    [Fact]
    public async Task List_NamesStreamsOnly()
    {
        var stream = UniqueKey.For("listed");
        await _http.AppendAsync(stream, new { n = "1" });
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        var plainKey = UniqueKey.For("listed-string");
        await silo.SetAsync(plainKey, "not a stream");

        var names = (await _http.GetJsonAsync("/api/streams?match=listed*")).GetProperty("streams").EnumerateArray().Select(name => name.GetString()).ToList();

        Assert.Contains(stream, names);
        Assert.DoesNotContain(plainKey, names);
    }

    [Fact]
    public async Task Append_WithTheExpectedVersion_Appends()
    {
        var stream = UniqueKey.For("versioned");
        await _http.PostJsonAsync($"/api/streams/{stream}/entries", new { fields = new { e = "created" }, expectedVersion = 0 });

        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/entries", new { fields = new { e = "renamed" }, expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await _http.GetJsonAsync($"/api/streams/{stream}")).GetProperty("length").GetInt64());
    }

    [Fact]
    public async Task Append_WithAStaleExpectedVersion_Is409WithTheCurrentVersion_AndAppendsNothing()
    {
        var stream = UniqueKey.For("conflict");
        await _http.AppendAsync(stream, new { e = "created" });
        await _http.AppendAsync(stream, new { e = "renamed" });

        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/entries", new { fields = new { e = "late" }, expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("VERSIONMISMATCH", problem.GetProperty("code").GetString());
        Assert.StartsWith("VERSIONMISMATCH", problem.GetProperty("detail").GetString());
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(2, (await _http.GetJsonAsync($"/api/streams/{stream}")).GetProperty("length").GetInt64());
    }

    [Fact]
    public async Task AppendBatch_AtTheExpectedVersion_AppendsEveryEntryInOrder()
    {
        var stream = UniqueKey.For("batch");
        await _http.AppendAsync(stream, new { e = "created" });

        var reply = await _http.PostJsonAsync($"/api/streams/{stream}/entries/batch", new
        {
            expectedVersion = 1,
            entries = new object[] { new { fields = new { e = "a" } }, new { fields = new { e = "b" } } },
        });

        var ids = reply.GetProperty("ids").EnumerateArray().Select(id => id.GetString()).ToList();
        var entries = (await _http.GetJsonAsync($"/api/streams/{stream}/entries")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(ids, entries.Skip(1).Select(entry => entry.GetProperty("id").GetString()));
        Assert.Equal(["created", "a", "b"], entries.Select(entry => ApiJson.Fields(entry)["e"]));
    }

    [Fact]
    public async Task AppendBatch_AtAStaleVersion_Is409_AndAppendsNoneOfTheEntries()
    {
        var stream = UniqueKey.For("batch-conflict");
        await _http.AppendAsync(stream, new { e = "created" });

        using var response = await _http.PostAsJsonAsync($"/api/streams/{stream}/entries/batch", new
        {
            expectedVersion = 0,
            entries = new object[] { new { fields = new { e = "a" } }, new { fields = new { e = "b" } } },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("currentVersion").GetInt64());
        Assert.Equal(1, (await _http.GetJsonAsync($"/api/streams/{stream}")).GetProperty("length").GetInt64());
    }
}
