using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansStreams.Api.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.Groups;

public sealed class GroupEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = fixture.Host.CreateClient();

    [Fact]
    public async Task ReadEntries_StayPendingUntilAcknowledged()
    {
        var stream = UniqueKey.For("orders");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "billing", startId = "0" });

        var read = await _http.PostJsonAsync($"/api/streams/{stream}/groups/billing/read", new { consumer = "worker-1", count = 2 });
        var pendingBefore = await _http.GetJsonAsync($"/api/streams/{stream}/groups/billing/pending");
        var acked = await _http.PostJsonAsync($"/api/streams/{stream}/groups/billing/ack", new { ids = new[] { ids[0], ids[0], "9999-0" } });
        var pendingAfter = await _http.GetJsonAsync($"/api/streams/{stream}/groups/billing/pending");

        Assert.Equal(ids[..2], read.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("id").GetString()));
        Assert.Equal(2, pendingBefore.GetProperty("count").GetInt64());
        Assert.Equal(ids[0], pendingBefore.GetProperty("smallestId").GetString());
        Assert.Equal("worker-1", pendingBefore.GetProperty("consumers")[0].GetProperty("name").GetString());
        Assert.Equal(1, acked.GetProperty("acknowledged").GetInt64());
        Assert.Equal(1, pendingAfter.GetProperty("count").GetInt64());
        Assert.Equal(ids[1], pendingAfter.GetProperty("smallestId").GetString());
    }

    [Fact]
    public async Task GroupsAndConsumers_ReportLagPendingAndMembers()
    {
        var stream = UniqueKey.For("lag");
        for (var i = 0; i < 4; i++) await _http.AppendAsync(stream, new { n = i.ToString() });
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", startId = "0" });
        await _http.PostJsonAsync($"/api/streams/{stream}/groups/g/read", new { consumer = "alice", count = 1 });

        var group = (await _http.GetJsonAsync($"/api/streams/{stream}/groups")).GetProperty("groups")[0];
        var consumer = (await _http.GetJsonAsync($"/api/streams/{stream}/groups/g/consumers")).GetProperty("consumers")[0];

        Assert.Equal("g", group.GetProperty("name").GetString());
        Assert.Equal(3, group.GetProperty("lag").GetInt64());
        Assert.Equal(1, group.GetProperty("pending").GetInt64());
        Assert.Equal(1, group.GetProperty("consumers").GetInt64());
        Assert.Equal("alice", consumer.GetProperty("name").GetString());
        Assert.Equal(1, consumer.GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task Claim_AndAutoClaim_MoveEntriesBetweenConsumers()
    {
        var stream = UniqueKey.For("claims");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++) ids.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", startId = "0" });
        await _http.PostJsonAsync($"/api/streams/{stream}/groups/g/read", new { consumer = "crashed", count = 2 });

        var claimed = await _http.PostJsonAsync($"/api/streams/{stream}/groups/g/claim", new { consumer = "rescuer", minIdleMs = 0, ids = new[] { ids[0] } });
        var autoClaimed = await _http.PostJsonAsync($"/api/streams/{stream}/groups/g/autoclaim", new { consumer = "sweeper", minIdleMs = 0, start = "0-0" });
        var pending = await _http.GetJsonAsync($"/api/streams/{stream}/groups/g/pending/entries?count=10");

        Assert.Equal([ids[0]], claimed.GetProperty("ids").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal("0", ApiJson.Fields(claimed.GetProperty("entries")[0])["n"]);
        Assert.Equal("0-0", autoClaimed.GetProperty("nextStart").GetString());
        Assert.Equal(ids, autoClaimed.GetProperty("ids").EnumerateArray().Select(id => id.GetString()));
        var owners = pending.GetProperty("entries").EnumerateArray()
            .Select(entry => (entry.GetProperty("consumer").GetString(), entry.GetProperty("deliveryCount").GetInt64())).ToList();
        // The first entry was delivered three times (read, claim, autoclaim), the second twice (read, autoclaim).
        Assert.Equal([("sweeper", 3L), ("sweeper", 2L)], owners);
    }

    [Fact]
    public async Task DestroyGroup_RemovesIt_AndASecondDestroyIsNotFound()
    {
        var stream = UniqueKey.For("destroy");
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", mkStream = true });

        using var first = await _http.DeleteAsync($"/api/streams/{stream}/groups/g");
        using var second = await _http.DeleteAsync($"/api/streams/{stream}/groups/g");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    [Fact]
    public async Task Consume_DeliversNewEntriesAsEvents_WhichStayPendingUntilTheClientAcks()
    {
        var stream = UniqueKey.For("consume");
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", mkStream = true });
        using var consumerHttp = fixture.Host.CreateClient();
        await using var events = await EventStream.OpenAsync(consumerHttp, $"/api/streams/{stream}/groups/g/consume?consumer=browser");

        var id = await _http.AppendAsync(stream, new { job = "resize" });
        var delivered = await events.Reader.NextAsync(EventTimeout, "the appended entry delivered to the group member");
        var pendingBeforeAck = await _http.GetJsonAsync($"/api/streams/{stream}/groups/g/pending");
        await _http.PostJsonAsync($"/api/streams/{stream}/groups/g/ack", new { ids = new[] { delivered.Id } });
        var pendingAfterAck = await _http.GetJsonAsync($"/api/streams/{stream}/groups/g/pending");

        Assert.Equal(id, delivered.Id);
        Assert.Equal("resize", ApiJson.Fields(JsonDocument.Parse(delivered.Data).RootElement)["job"]);
        Assert.Equal(1, pendingBeforeAck.GetProperty("count").GetInt64());
        Assert.Equal("browser", pendingBeforeAck.GetProperty("consumers")[0].GetProperty("name").GetString());
        Assert.Equal(0, pendingAfterAck.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Consume_WithPending_FirstRedeliversTheConsumersUnacknowledgedEntries()
    {
        var stream = UniqueKey.For("redeliver");
        var id = await _http.AppendAsync(stream, new { job = "unfinished" });
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", startId = "0" });
        await _http.PostJsonAsync($"/api/streams/{stream}/groups/g/read", new { consumer = "browser" });
        using var consumerHttp = fixture.Host.CreateClient();

        await using var events = await EventStream.OpenAsync(consumerHttp, $"/api/streams/{stream}/groups/g/consume?consumer=browser&pending=true");

        Assert.Equal(id, (await events.Reader.NextAsync(EventTimeout, "the consumer's pending entry")).Id);
    }

    [Fact]
    public async Task Consume_WithMaxPending_ReadsNoMoreUntilTheClientAcks()
    {
        var stream = UniqueKey.For("max-pending");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++) ids.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", startId = "0" });
        using var consumerHttp = fixture.Host.CreateClient();
        await using var events = await EventStream.OpenAsync(consumerHttp, $"/api/streams/{stream}/groups/g/consume?consumer=slow&count=10&maxPending=1");

        var first = await events.Reader.NextAsync(EventTimeout, "the first entry");
        // Both entries were there to read at once; with room for one, only one was taken into the pending list.
        var pending = await _http.GetJsonAsync($"/api/streams/{stream}/groups/g/pending");
        await _http.PostJsonAsync($"/api/streams/{stream}/groups/g/ack", new { ids = new[] { first.Id } });
        var second = await events.Reader.NextAsync(EventTimeout, "the second entry, once the first was acknowledged");

        Assert.Equal(ids[0], first.Id);
        Assert.Equal(1, pending.GetProperty("count").GetInt64());
        Assert.Equal(ids[1], second.Id);
    }

    [Fact]
    public async Task Consume_OfAMissingGroup_IsA404Problem_NotAnEventStream()
    {
        var stream = UniqueKey.For("consume-missing");
        await _http.AppendAsync(stream, new { n = "1" });

        using var response = await _http.GetAsync($"/api/streams/{stream}/groups/ghost/consume?consumer=c");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOGROUP", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Policy_CanBeSetReadAndDeleted()
    {
        var stream = UniqueKey.For("policy");
        await _http.PostJsonAsync($"/api/streams/{stream}/groups", new { name = "g", mkStream = true });
        var deadLetter = stream + "-dlq";

        using var set = await _http.PutAsJsonAsync($"/api/streams/{stream}/groups/g/policy", new { claimIdleMs = 30000, maxDeliveries = 3, deadLetter });
        await ApiJson.EnsureSuccessAsync(set);
        var policy = await _http.GetJsonAsync($"/api/streams/{stream}/groups/g/policy");
        using var deleted = await _http.DeleteAsync($"/api/streams/{stream}/groups/g/policy");
        using var afterDelete = await _http.GetAsync($"/api/streams/{stream}/groups/g/policy");

        Assert.Equal(30000, policy.GetProperty("claimIdleMs").GetInt64());
        Assert.Equal(3, policy.GetProperty("maxDeliveries").GetInt64());
        Assert.Equal(deadLetter, policy.GetProperty("deadLetter").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        // After DEL the group has no dead-letter setting: GET says there is no policy, or shows one without it.
        Assert.True(
            afterDelete.StatusCode == HttpStatusCode.NotFound
            || (afterDelete.StatusCode == HttpStatusCode.OK && !(await afterDelete.ReadJsonAsync()).TryGetProperty("deadLetter", out _)),
            $"GET after DEL answered {(int)afterDelete.StatusCode}: {await afterDelete.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task PolicyOfAMissingGroup_IsA404Nogroup()
    {
        var stream = UniqueKey.For("policy-missing");
        await _http.AppendAsync(stream, new { n = "1" });

        using var response = await _http.PutAsJsonAsync($"/api/streams/{stream}/groups/ghost/policy", new { claimIdleMs = 1000 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOGROUP", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }
}
