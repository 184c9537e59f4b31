using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Compatibility;

/// <summary>
/// The typed client against a real redis-server and against the silo: the same scenario must see the same results
/// (the silo's compatibility with Redis and the client's reading of Redis's reply shapes, both at once).
/// </summary>
public sealed class RedisCompatibilityTests(ServerPairFixture servers) : IClassFixture<ServerPairFixture>
{
    [Fact]
    public async Task StreamCommands_SeeTheSameResults_OnTheSiloAndOnRedis()
    {
        var key = TestKeys.New("compat-stream");
        var redis = await StreamScenarioAsync(servers.Redis, key);
        var silo = await StreamScenarioAsync(servers.Silo, key);
        File.WriteAllLines("/tmp/compat-stream.txt", redis.Lines);
        Assert.Equal(redis.Lines, silo.Lines);
        Assert.Contains("xlen: 3", redis.Lines);
    }

    [Fact]
    public async Task GroupCommands_SeeTheSameResults_OnTheSiloAndOnRedis()
    {
        var key = TestKeys.New("compat-group");
        var redis = await GroupScenarioAsync(servers.Redis, key);
        var silo = await GroupScenarioAsync(servers.Silo, key);
        File.WriteAllLines("/tmp/compat-group.txt", redis.Lines);
        Assert.Equal(redis.Lines, silo.Lines);
        Assert.Contains(redis.Lines, line => line.StartsWith("create again: error BUSYGROUP", StringComparison.Ordinal));
    }

    private static async Task<Observations> StreamScenarioAsync(StreamsClient client, string key)
    {
        var seen = new Observations();
        await seen.AddAsync("add 1-1", () => client.XAddAsync(key, [("a", "1")], "1-1"));
        await seen.AddAsync("add 1-2", () => client.XAddAsync(key, [("b", "2"), ("b2", "x")], "1-2"));
        await seen.AddAsync("add 2-0", () => client.XAddAsync(key, [("c", "3")], "2-0"));
        await seen.AddAsync("add below top", () => client.XAddAsync(key, [("d", "4")], "1-5"));
        await seen.AddAsync("add nomkstream", () => client.XAddAsync(key + ":missing", [("e", "5")], noMkStream: true));
        await seen.AddAsync("add binary", () => client.XAddAsync(key, [new StreamField("bin", new byte[] { 0, 255, 13, 10 })], "2-1"));
        await seen.AddAsync("binary back", async () => (await client.XRangeAsync(key, "2-1", "2-1"))[0].Fields[0].Value.ToArray());
        await seen.AddAsync("xlen", () => client.XDelAsync(key, ["2-1"]).ContinueWith(_ => client.XLenAsync(key)).Unwrap());
        await seen.AddAsync("range", () => client.XRangeAsync(key));
        await seen.AddAsync("range exclusive", () => client.XRangeAsync(key, "(1-1", "+", count: 1));
        await seen.AddAsync("revrange", () => client.XRevRangeAsync(key, count: 2));
        await seen.AddAsync("del ids", () => client.XDelAsync(key, ["1-2", "9-9"]));
        await seen.AddAsync("info", async () => Describe(await client.XInfoStreamAsync(key)));
        await seen.AddAsync("read", () => client.XReadAsync(key, "0-0", count: 10));
        await seen.AddAsync("read two streams", () => client.XReadAsync([new StreamPosition(key, "1-1"), new StreamPosition(key + ":none", "0-0")]));
        await seen.AddAsync("read block empty", () => client.XReadAsync(key, "$", block: TimeSpan.FromMilliseconds(50)));
        await seen.AddAsync("add trimmed", () => client.XAddAsync(key, [("f", "6")], "3-0", StreamTrim.MaxLen(2)));
        await seen.AddAsync("trim maxlen", () => client.XTrimAsync(key, StreamTrim.MaxLen(1)));
        await seen.AddAsync("trim minid", () => client.XTrimAsync(key, StreamTrim.MinId("4-0")));
        await seen.AddAsync("setid", async () => { await client.XSetIdAsync(key, "5-0", entriesAdded: 10, maxDeletedId: "4-0"); return "ok"; });
        await seen.AddAsync("info after setid", async () => Describe(await client.XInfoStreamAsync(key)));
        await seen.AddAsync("set plain", async () => { await client.SetAsync(key + ":plain", "v"); return "ok"; });
        await seen.AddAsync("get plain", async () => (await client.GetAsync(key + ":plain"))?.ToString());
        await seen.AddAsync("get missing", async () => (await client.GetAsync(key + ":nothing"))?.ToString());
        await seen.AddAsync("wrongtype", () => client.XRangeAsync(key + ":plain"));
        await seen.AddAsync("del", () => client.DelAsync([key, key + ":plain"]));
        await seen.AddAsync("exists", () => client.ExistsAsync(key));
        await seen.AddAsync("info missing", async () => Describe(await client.XInfoStreamAsync(key)));
        return seen;
    }

    private static async Task<Observations> GroupScenarioAsync(StreamsClient client, string key)
    {
        var seen = new Observations();
        await seen.AddAsync("create", async () => { await client.XGroupCreateAsync(key, "g", "0", mkStream: true); return "ok"; });
        await seen.AddAsync("create again", async () => { await client.XGroupCreateAsync(key, "g", "0"); return "ok"; });
        await seen.AddAsync("create on missing", async () => { await client.XGroupCreateAsync(key + ":missing", "g"); return "ok"; });
        foreach (var id in new[] { "1-1", "1-2", "1-3", "1-4" }) await client.XAddAsync(key, [("n", id)], id);
        await seen.AddAsync("createconsumer", () => client.XGroupCreateConsumerAsync(key, "g", "alice"));
        await seen.AddAsync("createconsumer again", () => client.XGroupCreateConsumerAsync(key, "g", "alice"));
        await seen.AddAsync("alice reads", () => client.XReadGroupAsync("g", "alice", key, ">", count: 2));
        await seen.AddAsync("bob reads", () => client.XReadGroupAsync("g", "bob", key, ">", count: 1));
        await seen.AddAsync("pending summary", async () => Describe(await client.XPendingAsync(key, "g")));
        await seen.AddAsync("pending range", async () => (await client.XPendingRangeAsync(key, "g")).Select(Describe));
        await seen.AddAsync("pending of alice", async () => (await client.XPendingRangeAsync(key, "g", consumer: "alice")).Select(Describe));
        await seen.AddAsync("claim", () => client.XClaimAsync(key, "g", "bob", TimeSpan.Zero, ["1-1"]));
        await seen.AddAsync("claim justid", () => client.XClaimJustIdAsync(key, "g", "carol", TimeSpan.Zero, ["1-2"], new ClaimOptions { RetryCount = 7 }));
        await seen.AddAsync("pending after claims", async () => (await client.XPendingRangeAsync(key, "g")).Select(Describe));
        await client.XDelAsync(key, ["1-3"]);
        await seen.AddAsync("autoclaim", async () => Describe(await client.XAutoClaimAsync(key, "g", "dave", TimeSpan.Zero, "0-0", count: 10)));
        await seen.AddAsync("autoclaim justid", async () => Describe(await client.XAutoClaimAsync(key, "g", "erin", TimeSpan.Zero, "0-0", justId: true)));
        await seen.AddAsync("erin history", () => client.XReadGroupAsync("g", "erin", key, "0"));
        await seen.AddAsync("ack", () => client.XAckAsync(key, "g", ["1-1", "1-2", "9-9"]));
        await seen.AddAsync("groups", async () => (await client.XInfoGroupsAsync(key)).Select(Describe));
        await seen.AddAsync("consumers", async () => (await client.XInfoConsumersAsync(key, "g")).Select(c => $"{c.Name}:{c.Pending}"));
        await seen.AddAsync("read group block empty", () => client.XReadGroupAsync("g", "alice", key, ">", block: TimeSpan.FromMilliseconds(50)));
        await seen.AddAsync("read two streams", () => client.XReadGroupAsync("g", "frank", [new StreamPosition(key, "0"), new StreamPosition(key, ">")]));
        await seen.AddAsync("setid", async () => { await client.XGroupSetIdAsync(key, "g", "1-1", entriesRead: 1); return "ok"; });
        await seen.AddAsync("groups after setid", async () => (await client.XInfoGroupsAsync(key)).Select(Describe));
        await seen.AddAsync("delconsumer", () => client.XGroupDelConsumerAsync(key, "g", "erin"));
        await seen.AddAsync("nogroup", () => client.XReadGroupAsync("g2", "alice", key, ">"));
        await seen.AddAsync("nogroup ack", () => client.XAckAsync(key, "g2", "1-1"));
        await seen.AddAsync("destroy", () => client.XGroupDestroyAsync(key, "g"));
        await seen.AddAsync("destroy again", () => client.XGroupDestroyAsync(key, "g"));
        return seen;
    }

    private static string Describe(StreamInfo info) =>
        $"length={info.Length} last={info.LastGeneratedId} maxdeleted={info.MaxDeletedEntryId} added={info.EntriesAdded} " +
        $"recordedfirst={info.RecordedFirstEntryId} groups={info.Groups} first={Observations.Describe(info.FirstEntry)} last={Observations.Describe(info.LastEntry)}";

    private static string Describe(PendingSummary summary) =>
        $"count={summary.Count} min={summary.SmallestId} max={summary.LargestId} consumers={string.Join(",", summary.Consumers.Select(c => $"{c.Name}:{c.Count}"))}";

    // Idle times differ between any two runs; the rest must match.
    private static string Describe(PendingEntry entry) => $"{entry.Id}@{entry.Consumer}x{entry.DeliveryCount}";

    private static string Describe(AutoClaimResult result) =>
        $"next={result.NextStartId} claimed={Observations.Describe(result.Entries)} deleted={Observations.Describe(result.DeletedIds)}";

    private static string Describe(GroupInfo group) =>
        $"{group.Name} consumers={group.Consumers} pending={group.Pending} last={group.LastDeliveredId} read={group.EntriesRead} lag={group.Lag}";
}
