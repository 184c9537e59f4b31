using System.Net.Http.Json;
using OrleansStreams.Api.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.Overview;

public sealed class OverviewTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    [Fact]
    public async Task Overview_ShowsStreamsAndTheirGroups_WithLagPendingConsumersAndOldestPending()
    {
        var stream = UniqueKey.For("overview");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "billing", startId = "0" });
        await _http.PostJsonAsync($"/api/streams/{stream}/groups/billing/read", new { consumer = "w1", count = 2 });
        await _http.PostJsonAsync($"/api/streams/{stream}/groups/billing/read", new { consumer = "w2", count = 1 });
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var overview = await _http.GetJsonAsync("/api/overview");

        var streamRow = overview.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("name").GetString() == stream);
        Assert.Equal(5, streamRow.GetProperty("length").GetInt64());
        Assert.Equal(5, streamRow.GetProperty("entriesAdded").GetInt64());
        Assert.Equal(ids[^1], streamRow.GetProperty("lastGeneratedId").GetString());
        Assert.Equal(1, streamRow.GetProperty("groups").GetInt64());
        Assert.False(streamRow.GetProperty("isDeadLetter").GetBoolean());
        var group = overview.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("stream").GetString() == stream);
        Assert.Equal("billing", group.GetProperty("name").GetString());
        Assert.Equal(2, group.GetProperty("lag").GetInt64());
        Assert.Equal(3, group.GetProperty("pending").GetInt64());
        Assert.Equal(2, group.GetProperty("consumers").GetInt64());
        Assert.Equal(ids[0], group.GetProperty("oldestPendingId").GetString());
        // The age counts from the oldest pending entry's ID, which the silo took from its clock when appending.
        var appendedMs = long.Parse(ids[0].Split('-')[0]);
        var age = group.GetProperty("oldestPendingAgeMs").GetInt64();
        Assert.InRange(age, 0, overview.GetProperty("generatedAtMs").GetInt64() - appendedMs);
        Assert.True(overview.GetProperty("generatedAtMs").GetInt64() >= before);
    }

    [Fact]
    public async Task Overview_ListsADeadLetterStream_NamedByAGroupPolicy()
    {
        var stream = UniqueKey.For("jobs");
        var deadLetter = stream + "-dead";
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "workers", mkStream = true });
        using var set = await _http.PutAsJsonAsync($"/api/streams/{stream}/groups/workers/policy", new { claimIdleMs = 60000, maxDeliveries = 2, deadLetter });
        await ApiJson.EnsureSuccessAsync(set);
        await _http.AppendAsync(deadLetter, new { source = stream });

        var overview = await _http.GetJsonAsync("/api/overview");

        var dead = overview.GetProperty("deadLetterStreams").EnumerateArray().Single(d => d.GetProperty("name").GetString() == deadLetter);
        Assert.Equal(1, dead.GetProperty("length").GetInt64());
        Assert.Equal([$"{stream}/workers"], dead.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        var deadRow = overview.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("name").GetString() == deadLetter);
        Assert.True(deadRow.GetProperty("isDeadLetter").GetBoolean());
        var group = overview.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("stream").GetString() == stream);
        Assert.Equal(2, group.GetProperty("policy").GetProperty("maxDeliveries").GetInt64());
    }
}
