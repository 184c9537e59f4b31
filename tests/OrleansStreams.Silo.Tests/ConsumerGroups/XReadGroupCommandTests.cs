using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>XREADGROUP without blocking against redis-server: new entries, history, NOACK, several keys, errors.</summary>
[Collection("differential")]
public sealed class XReadGroupCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XReadGroup_NewEntries_GoOnceToTheGroup_AndHistoryRereadsTheConsumersOwn()
    {
        var key = StreamKeys.New("readgroup");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2", "c", "3"],
            ["XADD", key, "3-0", "d", "4"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "COUNT", "1", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, "0"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, "0-0"],
            ["XREADGROUP", "GROUP", "g", "bob", "COUNT", "1", "STREAMS", key, "0"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, "2"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, "3-0"],
            ["XREADGROUP", "GROUP", "g", "bob", "COUNT", "-5", "STREAMS", key, "0"],
            ["XPENDING", key, "g"],
            ["XINFO", "GROUPS", key],
        ]);
    }

    [Fact]
    public async Task XReadGroup_History_OfDeletedOrTrimmedEntries_AnswersIdWithNil_AndKeepsThemPending()
    {
        var key = StreamKeys.New("history-deleted");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XDEL", key, "2-0"],
            ["XTRIM", key, "MINID", "2"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, "0"],
            ["XPENDING", key, "g"],
        ]);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, "0");
    }

    [Fact]
    public async Task XReadGroup_WithNoAck_AdvancesTheGroup_WithoutPendingEntries()
    {
        var key = StreamKeys.New("noack");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "NOACK", "COUNT", "1", "STREAMS", key, ">"],
            ["XPENDING", key, "g"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "noack", "STREAMS", key, ">"],
            ["XINFO", "GROUPS", key],
        ]);
    }

    [Fact]
    public async Task XReadGroup_OnSeveralKeys_ServesOnlyKeysWithData_InArgumentOrder()
    {
        var first = StreamKeys.New("multi-a");
        var second = StreamKeys.New("multi-b");
        var script = new List<string[]>
        {
            new[] { "XADD", first, "1-0", "a", "1" },
            new[] { "XGROUP", "CREATE", first, "g", "$" },
            new[] { "XADD", second, "1-0", "b", "1" },
            new[] { "XADD", second, "2-0", "b", "2" },
            new[] { "XGROUP", "CREATE", second, "g", "0" },
            new[] { "XREADGROUP", "GROUP", "g", "c", "STREAMS", first, second, ">", ">" },
            new[] { "XREADGROUP", "GROUP", "g", "c", "STREAMS", first, second, ">", ">" },
            new[] { "XREADGROUP", "GROUP", "g", "c", "STREAMS", first, second, ">", "0" },
            new[] { "XREADGROUP", "GROUP", "g", "c", "STREAMS", second, second, "0", "0" },
            new[] { "XADD", first, "2-0", "a", "2" },
            new[] { "XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", second, first, ">", ">" },
        };
        await fixture.AssertSameScriptAsync(script);
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", first, second, "0", "0");
        await resp3.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", second, second, "0", "0");
        await resp3.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", first, ">");
    }

    [Fact]
    public async Task XReadGroup_AfterSetIdBack_MovesPendingEntriesToTheNewReader_WithCountOne()
    {
        var key = StreamKeys.New("setid-reassign");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, "0"],
            ["XGROUP", "SETID", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "bob", "COUNT", "1", "STREAMS", key, ">"],
            ["XPENDING", key, "g"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, "0"],
        ]);
    }

    [Fact]
    public async Task XReadGroup_TheGreatestIdGivenExplicitly_ReadsNewEntries()
    {
        var key = StreamKeys.New("max-id");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, "18446744073709551615-18446744073709551615"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, "18446744073709551615-18446744073709551615"],
        ]);
    }

    [Fact]
    public async Task XReadGroup_ArgumentErrors_MatchRedis_InRedisOrder()
    {
        var key = StreamKeys.New("readgroup-errors");
        var text = StreamKeys.New("readgroup-string");
        var missing = StreamKeys.New("readgroup-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key],
            ["XREADGROUP", "COUNT", "1", "STREAMS", key, ">"],
            ["XREADGROUP", "COUNT", "1", "STREAMS", key, ">", "GROUP", "g"],
            ["XREADGROUP", "GROUP", "g", "c", "COUNT", "x", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "BLOCK", "x", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "BLOCK", "-1", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "FOO", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "NOACK", "NOACK", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "GROUP", "g", "d", "STREAMS", key, "0"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, "$"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, "bad"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, "-"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", missing, ">"],
            ["XREADGROUP", "GROUP", "nope", "c", "STREAMS", key, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", text, ">"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, text, "$", ">"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, text, ">", "$"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, missing, "bad", ">"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", missing, key, ">", "bad"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", key, key, "0", "$"],
            ["XPENDING", key, "g"],
            ["XREADGROUP", "GROUP", "g"],
        ]);
    }

    [Fact]
    public async Task XReadGroup_InsideMulti_WithBlock_AnswersAtOnce()
    {
        var key = StreamKeys.New("multi-block");
        await fixture.AssertSameAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await using var pair = await fixture.ConnectPairAsync();
        await pair.AssertSameAsync("MULTI");
        await pair.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, ">");
        await pair.AssertSameAsync("XADD", key, "1-0", "f", "v");
        await pair.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, ">");
        await pair.AssertSameAsync("EXEC");
    }

    [Fact]
    public async Task XReadGroup_InResp3_IsAMapOfKeysToEntries()
    {
        var key = StreamKeys.New("resp3");
        await using var pair = await fixture.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("XADD", key, "1-0", "a", "1");
        await pair.AssertSameAsync("XGROUP", "CREATE", key, "g", "0");
        await pair.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", key, ">");
        await pair.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", key, ">");
        await pair.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", key, "0");
        await pair.AssertSameAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "10", "STREAMS", key, ">");
        await pair.AssertSameAsync("XREADGROUP", "GROUP", "nope", "c", "STREAMS", key, ">");
    }
}
