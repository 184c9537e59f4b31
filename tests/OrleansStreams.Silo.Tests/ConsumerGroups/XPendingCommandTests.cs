using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// XPENDING against redis-server. Delivery times are set with XCLAIM TIME so both servers hold the same values; the
/// idle column of the extended form (now − delivery time) is the only value blanked.
/// </summary>
[Collection("differential")]
public sealed class XPendingCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XPending_Summary_ListsConsumersWithPendingEntries_ByName_WithBulkCounts()
    {
        var key = StreamKeys.New("pending-summary");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XPENDING", key, "g"],
            ["XGROUP", "CREATECONSUMER", key, "g", "idle-one"],
            ["XREADGROUP", "GROUP", "g", "zed", "COUNT", "1", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "amy", "STREAMS", key, ">"],
            ["XPENDING", key, "g"],
        ]);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XPENDING", key, "g");
        await resp3.AssertSameAsync("XACK", key, "g", "1-0", "2-0", "3-0");
        await resp3.AssertSameAsync("XPENDING", key, "g");
    }

    [Fact]
    public async Task XPending_Extended_WithBoundsCountConsumerAndIdle_MatchesRedis()
    {
        var key = StreamKeys.New("pending-range");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XADD", key, "4-0", "d", "4"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "amy", "COUNT", "2", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, ">"],
            // Long idle for 1-0 and 3-0 (delivered at unix time 1 s), fresh for the others.
            ["XCLAIM", key, "g", "amy", "0", "1-0", "TIME", "1000", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "0", "3-0", "TIME", "1000", "RETRYCOUNT", "5", "JUSTID"],
        ]);
        string[][] queries =
        [
            ["XPENDING", key, "g", "-", "+", "10"],
            ["XPENDING", key, "g", "-", "+", "2"],
            ["XPENDING", key, "g", "2", "3", "10"],
            ["XPENDING", key, "g", "(1-0", "(4-0", "10"],
            ["XPENDING", key, "g", "-", "+", "10", "bob"],
            ["XPENDING", key, "g", "-", "+", "10", "nobody"],
            ["XPENDING", key, "g", "-", "+", "10", "amy", "ignored", "too"],
            ["XPENDING", key, "g", "IDLE", "100000", "-", "+", "10"],
            ["XPENDING", key, "g", "IDLE", "100000", "-", "+", "10", "bob"],
            ["XPENDING", key, "g", "idle", "0", "-", "+", "10"],
            ["XPENDING", key, "g", "IDLE", "-5", "-", "+", "10"],
            ["XPENDING", key, "g", "-", "+", "0"],
            ["XPENDING", key, "g", "-", "+", "-3"],
            ["XPENDING", key, "g", "3-0", "2-0", "10"],
        ];
        foreach (var query in queries) await NormalizedComparison.AssertSameAsync(fixture.Redis, fixture.Silo, NormalizedComparison.PendingIdle, query);

        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await NormalizedComparison.AssertSameAsync(resp3.Redis, resp3.Silo, NormalizedComparison.PendingIdle, "XPENDING", key, "g", "-", "+", "10");
    }

    [Fact]
    public async Task XPending_Extended_ReportsIdleSinceTheDeliveryTime()
    {
        var key = StreamKeys.New("pending-idle");
        await fixture.Silo.ExecuteAsync("XADD", key, "1-0", "a", "1");
        await fixture.Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "0");
        await fixture.Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", key, ">");
        await fixture.Silo.ExecuteAsync("XCLAIM", key, "g", "c", "0", "1-0", "IDLE", "600000", "JUSTID");

        var entry = RespNode.Parse(await fixture.Silo.ExecuteAsync("XPENDING", key, "g", "-", "+", "1"))[0];

        Assert.InRange(entry[2].Integer, 600_000, 700_000);
    }

    [Fact]
    public async Task XPending_Errors_MatchRedis_ArgumentsFirst()
    {
        var key = StreamKeys.New("pending-errors");
        var text = StreamKeys.New("pending-string");
        var missing = StreamKeys.New("pending-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XPENDING", key],
            ["XPENDING", key, "g", "-"],
            ["XPENDING", key, "g", "-", "+"],
            ["XPENDING", key, "g", "IDLE", "5", "-", "+"],
            ["XPENDING", key, "g", "IDLE", "x", "-", "+"],
            ["XPENDING", key, "g", "IDLE", "x", "-", "+", "10"],
            ["XPENDING", key, "g", "-", "+", "x"],
            ["XPENDING", key, "g", "x", "+", "10"],
            ["XPENDING", key, "g", "-", "x", "10"],
            ["XPENDING", key, "g", "(-", "+", "10"],
            ["XPENDING", key, "g", "(18446744073709551615-18446744073709551615", "+", "10"],
            ["XPENDING", key, "g", "-", "(0-0", "10"],
            ["XPENDING", key, "g", "-", "+", "10", "c", "d", "e", "f"],
            ["XPENDING", key, "nope"],
            ["XPENDING", missing, "g"],
            ["XPENDING", text, "g"],
            ["XPENDING", key, "nope", "-", "+", "10"],
            ["XPENDING", text, "g", "-", "+", "10"],
            ["XPENDING", text, "g", "x", "+", "10"],
            ["XPENDING", missing, "g", "-", "+", "x"],
        ]);
    }
}
