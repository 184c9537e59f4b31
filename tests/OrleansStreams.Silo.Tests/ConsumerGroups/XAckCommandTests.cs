using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>XACK against redis-server: counts, duplicates, and errors only where Redis checks them.</summary>
[Collection("differential")]
public sealed class XAckCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XAck_CountsOnlyPendingIds_OnceEach()
    {
        var key = StreamKeys.New("ack");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "COUNT", "2", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, ">"],
            ["XACK", key, "g", "1-0"],
            ["XACK", key, "g", "1-0"],
            ["XACK", key, "g", "2", "2-0", "3-0", "9-0"],
            ["XPENDING", key, "g"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, "0"],
        ]);
    }

    [Fact]
    public async Task XAck_WithoutKeyOrGroup_AnswersZero_WithoutCheckingIds()
    {
        var key = StreamKeys.New("ack-errors");
        var text = StreamKeys.New("ack-string");
        var missing = StreamKeys.New("ack-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, ">"],
            ["XACK", missing, "g", "not-an-id"],
            ["XACK", key, "nope", "not-an-id"],
            ["XACK", key, "g", "1-0", "not-an-id"],
            ["XACK", key, "g", "-"],
            ["XPENDING", key, "g"],
            ["XACK", text, "g", "1-0"],
            ["XACK", text, "g", "not-an-id"],
            ["XACK", key, "g"],
        ]);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XACK", key, "g", "1-0");
        await resp3.AssertSameAsync("XACK", missing, "g", "1-0");
    }
}
