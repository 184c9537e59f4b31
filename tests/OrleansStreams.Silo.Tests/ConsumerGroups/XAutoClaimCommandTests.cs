using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>XAUTOCLAIM against redis-server: the cursor, COUNT, JUSTID, deleted IDs, and the errors in Redis's order.</summary>
[Collection("differential")]
public sealed class XAutoClaimCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XAutoClaim_PagesThroughThePel_WithACursor()
    {
        var key = StreamKeys.New("autoclaim");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XADD", key, "4-0", "d", "4"],
            ["XADD", key, "5-0", "e", "5"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XCLAIM", key, "g", "alice", "0", "1-0", "2-0", "4-0", "5-0", "TIME", "1000", "JUSTID"],
            ["XAUTOCLAIM", key, "g", "bob", "3600000", "0-0", "COUNT", "2"],
            ["XAUTOCLAIM", key, "g", "bob", "3600000", "4", "COUNT", "2", "JUSTID"],
            ["XAUTOCLAIM", key, "g", "bob", "3600000", "0-0"],
            ["XAUTOCLAIM", key, "g", "carol", "0", "(1-0", "COUNT", "1"],
            ["XAUTOCLAIM", key, "g", "carol", "0", "-", "JUSTID", "COUNT", "10"],
            ["XAUTOCLAIM", key, "g", "carol", "-100", "+", "JUSTID"],
            ["XPENDING", key, "g"],
            ["XINFO", "GROUPS", key],
        ]);
    }

    [Fact]
    public async Task XAutoClaim_DropsDeletedEntries_AndCountsThemAgainstCount()
    {
        // Reference section 5.5: after XDEL of 2-0 with 1-0…3-0 pending, a full scan returns 1-0 and 3-0 and reports
        // 2-0; with 1-0 and 2-0 deleted, COUNT 1 stops after dropping 1-0.
        var key = StreamKeys.New("autoclaim-deleted");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "f", "v"],
            ["XADD", key, "2-0", "f", "v"],
            ["XADD", key, "3-0", "f", "v"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XDEL", key, "2-0"],
            ["XAUTOCLAIM", key, "g", "bob", "0", "0-0"],
            ["XDEL", key, "1-0"],
            ["XAUTOCLAIM", key, "g", "bob", "0", "0-0", "COUNT", "1"],
            ["XPENDING", key, "g"],
        ]);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XAUTOCLAIM", key, "g", "bob", "0", "0-0", "JUSTID");
        await resp3.AssertSameAsync("XAUTOCLAIM", key, "g", "bob", "0", "0-0");
    }

    [Fact]
    public async Task XAutoClaim_VisitsAtMostTenAttemptsPerCount()
    {
        var key = StreamKeys.New("autoclaim-attempts");
        var script = new List<string[]>();
        for (var i = 1; i <= 25; i++) script.Add(["XADD", key, $"{i}-0", "f", "v"]);
        script.Add(["XGROUP", "CREATE", key, "g", "0"]);
        script.Add(["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"]);
        // Only 25-0 is idle long enough: COUNT 1 allows 10 attempts, COUNT 2 allows 20, COUNT 3 reaches it.
        script.Add(["XCLAIM", key, "g", "alice", "0", "25-0", "TIME", "1000", "JUSTID"]);
        script.Add(["XAUTOCLAIM", key, "g", "bob", "3600000", "0-0", "COUNT", "1", "JUSTID"]);
        script.Add(["XAUTOCLAIM", key, "g", "bob", "3600000", "0-0", "COUNT", "2", "JUSTID"]);
        script.Add(["XAUTOCLAIM", key, "g", "bob", "3600000", "0-0", "COUNT", "3", "JUSTID"]);
        await fixture.AssertSameScriptAsync(script);
    }

    [Fact]
    public async Task XAutoClaim_Errors_MatchRedis_ArgumentsFirst()
    {
        var key = StreamKeys.New("autoclaim-errors");
        var text = StreamKeys.New("autoclaim-string");
        var missing = StreamKeys.New("autoclaim-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XAUTOCLAIM", key, "g", "c", "x", "0"],
            ["XAUTOCLAIM", key, "g", "c", "0", "x"],
            ["XAUTOCLAIM", key, "g", "c", "0", "(-"],
            ["XAUTOCLAIM", key, "g", "c", "0", "(18446744073709551615-18446744073709551615"],
            ["XAUTOCLAIM", key, "g", "c", "0", "0", "COUNT"],
            ["XAUTOCLAIM", key, "g", "c", "0", "0", "COUNT", "0"],
            ["XAUTOCLAIM", key, "g", "c", "0", "0", "COUNT", "-1"],
            ["XAUTOCLAIM", key, "g", "c", "0", "0", "COUNT", "x"],
            ["XAUTOCLAIM", key, "g", "c", "0", "0", "COUNT", "576460752303423488"],
            ["XAUTOCLAIM", key, "g", "c", "0", "0", "FOO"],
            ["XAUTOCLAIM", text, "g", "c", "x", "0"],
            ["XAUTOCLAIM", missing, "g", "c", "0", "0", "FOO"],
            ["XAUTOCLAIM", text, "g", "c", "0", "0"],
            ["XAUTOCLAIM", missing, "g", "c", "0", "0"],
            ["XAUTOCLAIM", key, "nope", "c", "0", "0"],
            ["XAUTOCLAIM", key, "g", "c", "0"],
        ]);
    }
}
