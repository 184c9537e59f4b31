using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// XCLAIM against redis-server. Every claim that sets a delivery time uses TIME, so XINFO STREAM FULL (which shows
/// delivery times as unix milliseconds) can be compared exactly, consumers' seen-times aside.
/// </summary>
[Collection("differential")]
public sealed class XClaimCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XClaim_MovesEntries_WithCountsTimesAndOptions_AsRedisDoes()
    {
        var key = StreamKeys.New("claim");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XADD", key, "4-0", "d", "4"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "COUNT", "3", "STREAMS", key, ">"],
            ["XCLAIM", key, "g", "alice", "0", "1-0", "2-0", "3-0", "TIME", "1000", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "TIME", "2000"],
            ["XCLAIM", key, "g", "bob", "0", "2-0", "2-0", "TIME", "3000", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "0", "3-0", "RETRYCOUNT", "9", "TIME", "4000", "JUSTID"],
            ["XCLAIM", key, "g", "carol", "0", "3-0", "RETRYCOUNT", "-1", "TIME", "5000"],
            ["XCLAIM", key, "g", "carol", "0", "3-0", "IDLE", "100", "TIME", "6000", "JUSTID"],
            ["XCLAIM", key, "g", "carol", "0", "3-0", "TIME", "-7", "IDLE", "-5", "TIME", "7000", "JUSTID"],
            ["XCLAIM", key, "g", "carol", "0", "9-0", "JUSTID"],
            ["XCLAIM", key, "g", "carol", "0", "4-0", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "0", "4-0", "FORCE", "TIME", "8000", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "0", "4-0", "FORCE", "TIME", "9000"],
            ["XCLAIM", key, "g", "bob", "0", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "LASTID", "10-0", "TIME", "9500", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "LASTID", "5-0", "TIME", "9600", "JUSTID"],
            ["XINFO", "GROUPS", key],
            ["XPENDING", key, "g"],
        ]);
        await NormalizedComparison.AssertSameAsync(fixture.Redis, fixture.Silo, NormalizedComparison.FullConsumers, "XINFO", "STREAM", key, "FULL");
    }

    [Fact]
    public async Task XClaim_WithMinIdleTime_SkipsEntriesDeliveredMoreRecently()
    {
        var key = StreamKeys.New("claim-min-idle");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XCLAIM", key, "g", "alice", "0", "1-0", "TIME", "1000", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "3600000", "1-0", "2-0", "JUSTID"],
            ["XCLAIM", key, "g", "bob", "-5", "2-0", "TIME", "2000"],
            ["XCLAIM", key, "g", "carol", "3600000", "2-0", "FORCE", "JUSTID"],
            ["XPENDING", key, "g"],
        ]);
    }

    [Fact]
    public async Task XClaim_OfEntriesDeletedFromTheStream_DropsThemFromThePel_AndLeavesThemOut()
    {
        var key = StreamKeys.New("claim-deleted");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XDEL", key, "2-0"],
            ["XCLAIM", key, "g", "alice", "0", "1-0", "2-0", "3-0", "TIME", "1000"],
            ["XPENDING", key, "g"],
            ["XCLAIM", key, "g", "alice", "0", "2-0", "FORCE", "JUSTID"],
        ]);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XCLAIM", key, "g", "alice", "0", "1-0", "3-0", "TIME", "2000");
        await resp3.AssertSameAsync("XCLAIM", key, "g", "alice", "0", "1-0", "3-0", "TIME", "2000", "JUSTID");
    }

    [Fact]
    public async Task XClaim_Errors_MatchRedis_KeyAndGroupFirst()
    {
        var key = StreamKeys.New("claim-errors");
        var text = StreamKeys.New("claim-string");
        var missing = StreamKeys.New("claim-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XCLAIM", key, "g", "bob", "x", "1-0"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "IDLE", "x"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "TIME", "x"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "RETRYCOUNT", "x"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "LASTID", "x"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "LASTID", "-"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "IDLE"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "not-an-id", "2-0"],
            ["XCLAIM", key, "g", "bob", "0", "1-0", "FOO"],
            ["XCLAIM", key, "nope", "bob", "x", "1-0"],
            ["XCLAIM", missing, "g", "bob", "x", "1-0"],
            ["XCLAIM", text, "g", "bob", "x", "1-0"],
            ["XCLAIM", key, "nope", "bob", "0", "1-0"],
            ["XCLAIM", key, "g", "bob", "0"],
            ["XPENDING", key, "g"],
        ]);
    }
}
