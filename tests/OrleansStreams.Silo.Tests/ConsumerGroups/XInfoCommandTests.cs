using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// XINFO STREAM [FULL [COUNT n]], GROUPS and CONSUMERS against redis-server, RESP2 and RESP3. Consumer fields that
/// 7.0 lacks (inactive, active-time) are dropped and clock readings (idle, seen-time) blanked; see
/// <see cref="GroupKnownDifferences"/>. Delivery times are set with XCLAIM TIME so they compare exactly.
/// </summary>
[Collection("differential")]
public sealed class XInfoCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XInfoStream_AndGroups_MatchRedis_AsTheStreamAndGroupsChange()
    {
        var key = StreamKeys.New("info");
        await fixture.AssertSameScriptAsync(
        [
            ["XGROUP", "CREATE", key, "empty-stream-group", "$", "MKSTREAM"],
            ["XINFO", "STREAM", key],
            ["XINFO", "GROUPS", key],
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2", "c", "3"],
            ["XADD", key, "3-0", "d", "4"],
            ["XGROUP", "CREATE", key, "b-group", "0"],
            ["XGROUP", "CREATE", key, "a-group", "$"],
            ["XGROUP", "CREATE", key, "c-group", "1-0", "ENTRIESREAD", "1"],
            ["XREADGROUP", "GROUP", "b-group", "c1", "COUNT", "2", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "c-group", "c1", "STREAMS", key, ">"],
            ["XINFO", "STREAM", key],
            ["XINFO", "GROUPS", key],
            ["XADD", key, "4-0", "e", "5"],
            ["XINFO", "GROUPS", key],
        ]);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XINFO", "STREAM", key);
        await resp3.AssertSameAsync("XINFO", "GROUPS", key);

        // Trimming past a group's last-delivered-id changes its lag in 8.0 (a known difference): only the stream is compared.
        await fixture.AssertSameAsync("XTRIM", key, "MAXLEN", "1");
        await fixture.AssertSameAsync("XINFO", "STREAM", key);
        await resp3.AssertSameAsync("XINFO", "STREAM", key);
    }

    [Fact]
    public async Task XInfoStream_OfAnEmptiedStream_ShowsNullEntries()
    {
        var key = StreamKeys.New("info-emptied");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XDEL", key, "1-0"],
            ["XINFO", "STREAM", key],
            ["XINFO", "STREAM", key, "FULL"],
        ]);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XINFO", "STREAM", key);
    }

    [Fact]
    public async Task XInfoStreamFull_ShowsEntriesGroupsPendingAndConsumers_LimitedByCount()
    {
        var key = StreamKeys.New("info-full");
        var script = new List<string[]>();
        for (var i = 1; i <= 12; i++) script.Add(["XADD", key, $"{i}-0", "n", i.ToString()]);
        script.Add(["XGROUP", "CREATE", key, "g", "0"]);
        script.Add(["XGROUP", "CREATE", key, "idle", "$"]);
        script.Add(["XREADGROUP", "GROUP", "g", "bob", "COUNT", "11", "STREAMS", key, ">"]);
        script.Add(["XCLAIM", key, "g", "bob", "0", "1-0", "2-0", "3-0", "4-0", "5-0", "6-0", "7-0", "8-0", "9-0", "10-0", "11-0", "TIME", "1000", "JUSTID"]);
        script.Add(["XCLAIM", key, "g", "amy", "0", "2-0", "5-0", "TIME", "2000", "JUSTID"]);
        await fixture.AssertSameScriptAsync(script);

        string[][] queries =
        [
            ["XINFO", "STREAM", key, "FULL"],
            ["XINFO", "STREAM", key, "full", "count", "3"],
            ["XINFO", "STREAM", key, "FULL", "COUNT", "0"],
            ["XINFO", "STREAM", key, "FULL", "COUNT", "-1"],
        ];
        foreach (var query in queries) await NormalizedComparison.AssertSameAsync(fixture.Redis, fixture.Silo, NormalizedComparison.FullConsumers, query);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await NormalizedComparison.AssertSameAsync(resp3.Redis, resp3.Silo, NormalizedComparison.FullConsumers, "XINFO", "STREAM", key, "FULL", "COUNT", "2");
    }

    [Fact]
    public async Task XInfoConsumers_ListsConsumersByName_WithPendingCounts()
    {
        var key = StreamKeys.New("info-consumers");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XINFO", "CONSUMERS", key, "g"],
            ["XGROUP", "CREATECONSUMER", key, "g", "zed"],
            ["XREADGROUP", "GROUP", "g", "bob", "COUNT", "1", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "amy", "STREAMS", key, ">"],
        ]);
        await NormalizedComparison.AssertSameAsync(fixture.Redis, fixture.Silo, NormalizedComparison.Consumers, "XINFO", "CONSUMERS", key, "g");
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await NormalizedComparison.AssertSameAsync(resp3.Redis, resp3.Silo, NormalizedComparison.Consumers, "XINFO", "CONSUMERS", key, "g");
    }

    [Fact]
    public async Task XInfo_Errors_MatchRedis_KeyFirst()
    {
        var key = StreamKeys.New("info-errors");
        var text = StreamKeys.New("info-string");
        var missing = StreamKeys.New("info-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XINFO", "STREAM", missing],
            ["XINFO", "STREAM", text],
            ["XINFO", "STREAM", missing, "bogus"],
            ["XINFO", "STREAM", text, "bogus"],
            ["XINFO", "STREAM", key, "bogus"],
            ["XINFO", "stream", key, "FULL", "COUNT"],
            ["XINFO", "STREAM", key, "FULL", "COUNT", "x"],
            ["XINFO", "STREAM", key, "FULL", "LIMIT", "1"],
            ["XINFO", "STREAM", key, "FULL", "COUNT", "1", "extra"],
            ["XINFO", "GROUPS", missing],
            ["XINFO", "GROUPS", text],
            ["XINFO", "GROUPS", key, "extra"],
            ["XINFO", "CONSUMERS", missing, "g"],
            ["XINFO", "CONSUMERS", text, "g"],
            ["XINFO", "CONSUMERS", key, "nope"],
            ["XINFO", "CONSUMERS", key],
            ["XINFO", "BOGUS", key],
            ["XINFO", "STREAM"],
            ["XINFO"],
            ["XINFO", "HELP", "extra"],
        ]);
    }
}
