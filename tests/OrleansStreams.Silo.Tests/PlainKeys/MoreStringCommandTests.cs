using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.PlainKeys;

/// <summary>SETNX, SETEX, PSETEX, GETSET, GETDEL, MSET, STRLEN and HSTRLEN against redis-server.</summary>
[Collection("differential")]
public sealed class MoreStringCommandTests(DifferentialFixture fixture)
{
    private static string NewKey(string name) => $"plain:more:{name}:{Guid.NewGuid():N}";

    [Fact]
    public async Task SetNxSetExAndGetSet_FollowRedis()
    {
        var key = NewKey("setx");
        await fixture.AssertSameScriptAsync(
        [
            ["SETNX", key, "1"],
            ["SETNX", key, "2"],
            ["GET", key],
            ["SETEX", key, "100", "3"],
            ["TTL", key],
            ["GET", key],
            ["PSETEX", key, "200000", "4"],
            ["TTL", key],
            ["SETEX", key, "0", "5"],
            ["SETEX", key, "-1", "5"],
            ["SETEX", key, "x", "5"],
            ["PSETEX", key, "9223372036854775807", "5"],
            ["SETEX", key, "9223372036854775807", "5"],
            ["GETSET", key, "6"],
            ["TTL", key],
            ["GETSET", key + ":none", "7"],
            ["GET", key + ":none"],
            ["SETEX", key],
            ["GETSET", key],
        ]);
    }

    [Fact]
    public async Task GetDelMSetAndStrLen_FollowRedis()
    {
        var key = NewKey("getdel");
        await fixture.AssertSameScriptAsync(
        [
            ["MSET", key + ":a", "1", key + ":b", "hello", key + ":a", "3"],
            ["MGET", key + ":a", key + ":b"],
            ["MSET", key + ":a", "1", key + ":b"],
            ["MSET", key + ":a"],
            ["STRLEN", key + ":b"],
            ["STRLEN", key + ":missing"],
            ["GETDEL", key + ":b"],
            ["GETDEL", key + ":b"],
            ["EXISTS", key + ":b"],
            ["HSET", key + ":h", "f", "value"],
            ["GETDEL", key + ":h"],
            ["STRLEN", key + ":h"],
            ["HSTRLEN", key + ":h", "f"],
            ["HSTRLEN", key + ":h", "zz"],
            ["HSTRLEN", key + ":missing", "f"],
            ["HSTRLEN", key + ":a", "f"],
            ["SETNX", key + ":h", "v"],
            ["GETSET", key + ":h", "v"],
            ["MSET", key + ":h", "over"],
            ["GET", key + ":h"],
            ["SETEX", key + ":h2", "100", "v"],
            ["TYPE", key + ":h2"],
        ]);
    }

    [Fact]
    public async Task PlainKeyCommands_OnAStream_GiveWrongTypeOrReplaceIt()
    {
        var key = NewKey("stream");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-1", "f", "v"],
            ["GET", key],
            ["MGET", key],
            ["INCR", key],
            ["INCRBYFLOAT", key, "1"],
            ["GETDEL", key],
            ["STRLEN", key],
            ["HSET", key, "f", "v"],
            ["HGET", key, "f"],
            ["HGETALL", key],
            ["HINCRBY", key, "f", "1"],
            ["SET", key, "v", "GET"],
            ["SET", key, "v", "NX"],
            ["SETNX", key, "v"],
            ["TYPE", key],
            ["SET", key, "v", "XX"],
            ["TYPE", key],
            ["GET", key],
            ["XLEN", key],
        ]);
    }

    [Fact]
    public async Task Expiry_OnAStream_WorksLikeOnAnyKey()
    {
        var key = NewKey("streamttl");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-1", "f", "v"],
            ["TTL", key],
            ["EXPIRE", key, "100"],
            ["TTL", key],
            ["EXPIRE", key, "50", "GT"],
            ["EXPIREAT", key, "4102444800", "XX"],
            ["EXPIRETIME", key],
            ["PERSIST", key],
            ["PERSIST", key],
            ["TTL", key],
            ["EXPIRE", key, "-1"],
            ["EXISTS", key],
            ["XLEN", key],
            ["XADD", key, "1-1", "f", "v"],
            ["XLEN", key],
        ]);
    }
}
