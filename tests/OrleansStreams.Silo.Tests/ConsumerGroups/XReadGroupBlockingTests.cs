using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>Blocked XREADGROUPs on both servers, woken from another connection; replies compared once they arrive.</summary>
[Collection("differential")]
public sealed class XReadGroupBlockingTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task BlockedXReadGroup_IsWokenByXAdd_AndTheEntryBecomesPending()
    {
        var key = StreamKeys.New("blocked-group");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "old", "1"],
            ["XGROUP", "CREATE", key, "g", "$"],
        ]);
        await using var reader = await fixture.ConnectPairAsync();
        await reader.Redis.SendAsync("XREADGROUP", "GROUP", "g", "alice", "COUNT", "10", "BLOCK", "0", "STREAMS", key, ">");
        await reader.Silo.SendAsync("XREADGROUP", "GROUP", "g", "alice", "COUNT", "10", "BLOCK", "0", "STREAMS", key, ">");
        await BlockedClients.WaitAsync(fixture.Redis, 1);
        await BlockedClients.WaitAsync(fixture.Silo, 1);

        await fixture.AssertSameAsync("XADD", key, "2-0", "new", "2");

        var expected = await reader.Redis.ReadReplyAsync();
        var actual = await reader.Silo.ReadReplyAsync();
        Assert.Equal(expected, actual);
        Assert.Contains("2-0", actual);
        await BlockedClients.WaitAsync(fixture.Silo, 0);
        await fixture.AssertSameAsync("XPENDING", key, "g");
        await fixture.AssertSameAsync("XINFO", "GROUPS", key);
    }

    [Fact]
    public async Task BlockedXReadGroup_InResp3_OnTwoKeys_IsServedByTheKeyThatGotData()
    {
        var quiet = StreamKeys.New("quiet");
        var busy = StreamKeys.New("busy");
        await fixture.AssertSameScriptAsync(
        [
            ["XGROUP", "CREATE", quiet, "g", "$", "MKSTREAM"],
            ["XGROUP", "CREATE", busy, "g", "$", "MKSTREAM"],
        ]);
        await using var reader = await fixture.ConnectPairAsync(protocol: 3);
        await reader.Redis.SendAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", quiet, busy, ">", ">");
        await reader.Silo.SendAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", quiet, busy, ">", ">");
        await BlockedClients.WaitAsync(fixture.Redis, 1);
        await BlockedClients.WaitAsync(fixture.Silo, 1);

        await fixture.AssertSameAsync("XADD", busy, "7-0", "fresh", "yes");

        Assert.Equal(await reader.Redis.ReadReplyAsync(), await reader.Silo.ReadReplyAsync());
    }

    [Fact]
    public async Task BlockedXReadGroup_TimesOut_WithANullArray()
    {
        var key = StreamKeys.New("group-timeout");
        await fixture.AssertSameAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await fixture.AssertSameAsync("XGROUP", "CREATECONSUMER", key, "g", "c");
        await using var reader = await fixture.ConnectPairAsync();
        await reader.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "50", "STREAMS", key, ">");
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "50", "STREAMS", key, ">");
    }

    [Fact]
    public async Task XReadGroup_WithBlock_AndAHistoryId_AnswersAtOnce()
    {
        var key = StreamKeys.New("history-block");
        await fixture.AssertSameScriptAsync(
        [
            ["XGROUP", "CREATE", key, "g", "$", "MKSTREAM"],
            ["XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, "0"],
            ["XADD", key, "1-0", "f", "v"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, "0"],
        ]);
    }

    [Fact]
    public async Task BlockedXReadGroup_OnAGroupWithPendingEntriesOfOthers_WaitsForNewOnes()
    {
        var key = StreamKeys.New("pending-others");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "f", "1"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
        ]);
        await using var reader = await fixture.ConnectPairAsync();
        await reader.Redis.SendAsync("XREADGROUP", "GROUP", "g", "bob", "BLOCK", "0", "STREAMS", key, ">");
        await reader.Silo.SendAsync("XREADGROUP", "GROUP", "g", "bob", "BLOCK", "0", "STREAMS", key, ">");
        await BlockedClients.WaitAsync(fixture.Redis, 1);
        await BlockedClients.WaitAsync(fixture.Silo, 1);

        await fixture.AssertSameAsync("XACK", key, "g", "1-0");
        await fixture.AssertSameAsync("XADD", key, "2-0", "f", "2");

        Assert.Equal(await reader.Redis.ReadReplyAsync(), await reader.Silo.ReadReplyAsync());
        await fixture.AssertSameAsync("XPENDING", key, "g");
    }

    [Fact]
    public async Task BlockedXReadGroup_WhoseConsumerIsDeletedAndStreamTrimmed_IsServedByTheNextAdd_AndRecreatesTheConsumer()
    {
        var key = StreamKeys.New("blocked-delconsumer");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "f", "1"],
            ["XADD", key, "2-0", "f", "2"],
            ["XGROUP", "CREATE", key, "g", "$"],
        ]);
        await using var reader = await fixture.ConnectPairAsync();
        await reader.Redis.SendAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, ">");
        await reader.Silo.SendAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, ">");
        await BlockedClients.WaitAsync(fixture.Redis, 1);
        await BlockedClients.WaitAsync(fixture.Silo, 1);

        // Neither trimming nor deleting the consumer answers the blocked read.
        await fixture.AssertSameAsync("XGROUP", "DELCONSUMER", key, "g", "c");
        await fixture.AssertSameAsync("XTRIM", key, "MAXLEN", "0");
        await fixture.AssertSameAsync("XADD", key, "3-0", "f", "3");

        Assert.Equal(await reader.Redis.ReadReplyAsync(), await reader.Silo.ReadReplyAsync());
        await fixture.AssertSameAsync("XPENDING", key, "g");
        await NormalizedComparison.AssertSameAsync(fixture.Redis, fixture.Silo, NormalizedComparison.Consumers, "XINFO", "CONSUMERS", key, "g");
    }
}
