using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>XGROUP CREATE / SETID / DESTROY / CREATECONSUMER / DELCONSUMER against redis-server, errors included.</summary>
[Collection("differential")]
public sealed class XGroupCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XGroupCreate_WithEveryIdForm_MatchesRedis()
    {
        var key = StreamKeys.New("create");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-5", "b", "2"],
            ["XGROUP", "CREATE", key, "from-zero", "0"],
            ["XGROUP", "CREATE", key, "from-dollar", "$"],
            ["XGROUP", "CREATE", key, "incomplete", "2"],
            ["XGROUP", "CREATE", key, "beyond", "99-0", "ENTRIESREAD", "7"],
            ["XGROUP", "CREATE", key, "unknown-read", "1-0", "ENTRIESREAD", "-1"],
            ["XGROUP", "create", key, "lower-case", "0", "mkstream"],
            ["XINFO", "GROUPS", key],
        ]);
    }

    [Fact]
    public async Task XGroupCreate_Errors_MatchRedis_InRedisOrder()
    {
        var key = StreamKeys.New("create-errors");
        var text = StreamKeys.New("create-string");
        var missing = StreamKeys.New("create-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XGROUP", "CREATE", key, "g", "not-an-id"],
            ["XGROUP", "CREATE", key, "other", "-"],
            ["XGROUP", "CREATE", key, "other", "+"],
            ["XGROUP", "CREATE", key, "other", "(1"],
            ["XGROUP", "CREATE", text, "g", "0"],
            ["XGROUP", "CREATE", text, "g", "bad", "MKSTREAM"],
            ["XGROUP", "CREATE", missing, "g", "0"],
            ["XGROUP", "CREATE", missing, "g", "bad", "MKSTREAM"],
            ["EXISTS", missing],
            ["XGROUP", "CREATE", missing, "g", "0", "FOO"],
            ["XGROUP", "CREATE", text, "g", "0", "FOO"],
            ["XGROUP", "CREATE", key, "other", "0", "ENTRIESREAD"],
            ["XGROUP", "CREATE", key, "other", "0", "ENTRIESREAD", "x"],
            ["XGROUP", "CREATE", key, "other", "0", "ENTRIESREAD", "-2"],
            ["XGROUP", "CREATE", key, "other", "0", "MKSTREAM", "MKSTREAM", "MKSTREAM", "MKSTREAM"],
            ["XGROUP", "CREATE", missing, "other", "0", "MKSTREAM", "MKSTREAM", "MKSTREAM", "MKSTREAM"],
            ["XGROUP", "CREATE", key, "other", "0", "ENTRIESREAD", "1", "ENTRIESREAD", "2"],
            ["XGROUP", "CREATE", key],
            ["XGROUP", "CREATE", key, "g"],
            ["XGROUP"],
            ["XGROUP", "NOPE", key, "g"],
            ["XINFO", "GROUPS", key],
        ]);
    }

    [Fact]
    public async Task XGroupCreate_WithMkStream_MakesAnEmptyStream_WhoseDollarIsZero()
    {
        var key = StreamKeys.New("mkstream");
        await fixture.AssertSameScriptAsync(
        [
            ["XGROUP", "CREATE", key, "g", "$", "MKSTREAM"],
            ["TYPE", key],
            ["XLEN", key],
            ["XGROUP", "CREATE", key, "g2", "$", "MKSTREAM"],
            ["XINFO", "GROUPS", key],
            ["XINFO", "STREAM", key],
        ]);
    }

    [Fact]
    public async Task XGroupSetId_AcceptsNonStrictIds_AndResetsEntriesRead()
    {
        var key = StreamKeys.New("setid");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XADD", key, "3-0", "c", "3"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "alice", "COUNT", "2", "STREAMS", key, ">"],
            ["XINFO", "GROUPS", key],
            ["XGROUP", "SETID", key, "g", "1"],
            ["XINFO", "GROUPS", key],
            ["XGROUP", "SETID", key, "g", "+"],
            ["XINFO", "GROUPS", key],
            ["XGROUP", "SETID", key, "g", "-", "ENTRIESREAD", "0"],
            ["XINFO", "GROUPS", key],
            ["XGROUP", "SETID", key, "g", "$", "ENTRIESREAD", "3"],
            ["XINFO", "GROUPS", key],
            ["XPENDING", key, "g"],
            ["XGROUP", "SETID", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "bob", "STREAMS", key, ">"],
            ["XPENDING", key, "g"],
        ]);
    }

    [Fact]
    public async Task XGroupSetId_Errors_MatchRedis_InRedisOrder()
    {
        var key = StreamKeys.New("setid-errors");
        var text = StreamKeys.New("setid-string");
        var missing = StreamKeys.New("setid-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XGROUP", "SETID", key, "nope", "0"],
            ["XGROUP", "SETID", key, "nope", "bad"],
            ["XGROUP", "SETID", key, "g", "bad"],
            ["XGROUP", "SETID", key, "g", "(1"],
            ["XGROUP", "SETID", key, "g", "0", "MKSTREAM"],
            ["XGROUP", "SETID", key, "g", "0", "ENTRIESREAD"],
            ["XGROUP", "SETID", key, "g", "0", "ENTRIESREAD", "-5"],
            ["XGROUP", "SETID", key, "g", "0", "ENTRIESREAD", "1", "ENTRIESREAD", "2"],
            ["XGROUP", "SETID", key, "nope", "0", "ENTRIESREAD", "1", "ENTRIESREAD", "2"],
            ["XGROUP", "SETID", text, "g", "0"],
            ["XGROUP", "SETID", missing, "g", "0"],
            ["XGROUP", "SETID", missing, "g", "0", "MKSTREAM"],
            ["XGROUP", "SETID", key, "g"],
        ]);
    }

    [Fact]
    public async Task XGroupDestroy_AndConsumerSubcommands_ReturnRedisIntegers()
    {
        var key = StreamKeys.New("destroy");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["XADD", key, "2-0", "b", "2"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XGROUP", "CREATECONSUMER", key, "g", "alice"],
            ["XGROUP", "CREATECONSUMER", key, "g", "alice"],
            ["XGROUP", "CREATECONSUMER", key, "g", "bob"],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XINFO", "GROUPS", key],
            ["XGROUP", "DELCONSUMER", key, "g", "alice"],
            ["XGROUP", "DELCONSUMER", key, "g", "alice"],
            ["XGROUP", "DELCONSUMER", key, "g", "nobody"],
            ["XPENDING", key, "g"],
            ["XINFO", "GROUPS", key],
            ["XGROUP", "DESTROY", key, "g"],
            ["XGROUP", "DESTROY", key, "g"],
            ["XINFO", "GROUPS", key],
            ["XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"],
            ["XGROUP", "CREATE", key, "g", "$"],
            ["XINFO", "GROUPS", key],
        ]);
    }

    [Fact]
    public async Task XGroupDestroy_AndConsumerSubcommands_Errors_MatchRedis()
    {
        var key = StreamKeys.New("destroy-errors");
        var text = StreamKeys.New("destroy-string");
        var missing = StreamKeys.New("destroy-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "a", "1"],
            ["SET", text, "x"],
            ["XGROUP", "DESTROY", missing, "g"],
            ["XGROUP", "DESTROY", text, "g"],
            ["XGROUP", "DESTROY", key, "g", "extra"],
            ["XGROUP", "CREATECONSUMER", key, "nope", "c"],
            ["XGROUP", "CREATECONSUMER", missing, "nope", "c"],
            ["XGROUP", "CREATECONSUMER", text, "nope", "c"],
            ["XGROUP", "CREATECONSUMER", key, "nope"],
            ["XGROUP", "DELCONSUMER", key, "nope", "c"],
            ["XGROUP", "DELCONSUMER", missing, "nope", "c"],
            ["XGROUP", "DELCONSUMER", text, "nope", "c"],
            ["XGROUP", "DELCONSUMER", key, "nope", "c", "extra"],
            ["XGROUP", "HELP", "extra"],
        ]);
    }

    [Fact]
    public async Task XGroup_InResp3_MatchesRedis()
    {
        var key = StreamKeys.New("resp3");
        await using var pair = await fixture.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await pair.AssertSameAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await pair.AssertSameAsync("XGROUP", "CREATECONSUMER", key, "g", "c");
        await pair.AssertSameAsync("XGROUP", "SETID", key, "g", "5-5", "ENTRIESREAD", "2");
        await pair.AssertSameAsync("XINFO", "GROUPS", key);
        await pair.AssertSameAsync("XGROUP", "DELCONSUMER", key, "g", "c");
        await pair.AssertSameAsync("XGROUP", "SETID", key, "nope", "0");
        await pair.AssertSameAsync("XGROUP", "DESTROY", key, "g");
    }

    [Fact]
    public async Task XGroup_BinaryGroupNames_ComeBackByteForByte()
    {
        var key = StreamKeys.New("binary\u00e9");
        var group = "gr\u00fcppe\u00ff";
        await fixture.AssertSameScriptAsync(
        [
            ["XGROUP", "CREATE", key, group, "$", "MKSTREAM"],
            ["XINFO", "GROUPS", key],
            ["XGROUP", "SETID", key, group + "x", "0"],
            ["XPENDING", key, group + "x"],
            ["XREADGROUP", "GROUP", group + "x", "c", "STREAMS", key, ">"],
        ]);
    }
}
