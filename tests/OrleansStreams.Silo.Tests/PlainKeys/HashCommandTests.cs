using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.PlainKeys;

/// <summary>The hash commands against redis-server, in RESP2 and RESP3. Hashes stay small, so Redis keeps insertion order.</summary>
[Collection("differential")]
public sealed class HashCommandTests(DifferentialFixture fixture)
{
    private static string NewKey(string name) => $"plain:hash:{name}:{Guid.NewGuid():N}";

    [Fact]
    public async Task HSetAndReads_KeepInsertionOrder()
    {
        var key = NewKey("basic");
        await fixture.AssertSameScriptAsync(
        [
            ["HGETALL", key],
            ["HKEYS", key],
            ["HVALS", key],
            ["HLEN", key],
            ["HGET", key, "a"],
            ["HEXISTS", key, "a"],
            ["HMGET", key, "a", "b"],
            ["HSET", key, "b", "2", "a", "1", "c", "3"],
            ["HSET", key, "a", "10", "d", "4"],
            ["HSET", key, "e", "5", "e", "6"],
            ["HGETALL", key],
            ["HKEYS", key],
            ["HVALS", key],
            ["HLEN", key],
            ["HGET", key, "a"],
            ["HGET", key, "zz"],
            ["HEXISTS", key, "a"],
            ["HEXISTS", key, "zz"],
            ["HMGET", key, "zz", "a", "e", "a"],
            ["HSET", key, "bin\u0000\u00ff", "v\r\n"],
            ["HGET", key, "bin\u0000\u00ff"],
        ]);
    }

    [Fact]
    public async Task HDel_RemovesFieldsAndTheKeyWithTheLast()
    {
        var key = NewKey("del");
        await fixture.AssertSameScriptAsync(
        [
            ["HDEL", key, "a"],
            ["HSET", key, "a", "1", "b", "2", "c", "3"],
            ["HDEL", key, "b", "zz", "b"],
            ["HGETALL", key],
            ["HSET", key, "b", "again"],
            ["HGETALL", key],
            ["HDEL", key, "a", "c", "b"],
            ["EXISTS", key],
            ["TYPE", key],
            ["HLEN", key],
            ["HSET", key, "x", "1"],
            ["HGETALL", key],
        ]);
    }

    [Fact]
    public async Task HSetNxAndHMSet_FollowRedis()
    {
        var key = NewKey("nx");
        await fixture.AssertSameScriptAsync(
        [
            ["HSETNX", key, "a", "1"],
            ["HSETNX", key, "a", "2"],
            ["HSETNX", key, "b", "3"],
            ["HMSET", key, "c", "4", "a", "5"],
            ["HGETALL", key],
            ["HMSET", key, "c"],
            ["HMSET", key, "c", "1", "d"],
            ["HSETNX", key, "a"],
        ]);
    }

    [Fact]
    public async Task HashCommands_WithWrongArity_GiveArityErrors()
    {
        var key = NewKey("arity");
        await fixture.AssertSameScriptAsync(
        [
            ["HSET", key, "a"],
            ["HSET", key, "a", "1", "b"],
            ["HSET", key],
            ["HGET", key],
            ["HMGET", key],
            ["HGETALL"],
            ["HDEL", key],
            ["HLEN"],
            ["HEXISTS", key],
            ["HKEYS", key, "x"],
            ["HVALS"],
            ["HINCRBY", key, "a"],
            ["HINCRBYFLOAT", key, "a", "1", "2"],
            ["EXISTS", key],
        ]);
    }

    [Fact]
    public async Task HIncrBy_CountsAndRefusesBadValues()
    {
        var key = NewKey("incr");
        await fixture.AssertSameScriptAsync(
        [
            ["HINCRBY", key, "n", "5"],
            ["HINCRBY", key, "n", "-7"],
            ["HINCRBY", key, "n", "x"],
            ["HINCRBY", key, "n", "1.5"],
            ["HSET", key, "s", "text", "big", "9223372036854775807", "small", "-9223372036854775808", "padded", " 1"],
            ["HINCRBY", key, "s", "1"],
            ["HINCRBY", key, "padded", "1"],
            ["HINCRBY", key, "big", "1"],
            ["HINCRBY", key, "big", "0"],
            ["HINCRBY", key, "small", "-1"],
            ["HINCRBY", key, "small", "9223372036854775807"],
            ["HGETALL", key],
            ["HINCRBY", key + ":new", "f", "abc"],
            ["EXISTS", key + ":new"],
        ]);
    }

    [Theory]
    [InlineData("10.5", "0.1")]
    [InlineData("0", "1e20")]
    [InlineData("3.0e3", "0")]
    [InlineData("0.1", "0.2")]
    [InlineData("text", "1")]
    [InlineData("inf", "1")]
    [InlineData("1", "inf")]
    [InlineData("1", "-inf")]
    [InlineData("1", "nan")]
    [InlineData("1", "abc")]
    [InlineData("1.1e4932", "1.1e4932")]
    [InlineData("1", "-1")]
    [InlineData("7", "0x10")]
    public async Task HIncrByFloat_MatchesRedis(string initial, string increment)
    {
        var key = NewKey("float");
        await fixture.AssertSameScriptAsync(
        [
            ["HSET", key, "f", initial],
            ["HINCRBYFLOAT", key, "f", increment],
            ["HGET", key, "f"],
            ["HINCRBYFLOAT", key, "new", increment],
            ["HINCRBYFLOAT", key + ":new", "f", increment],
            ["EXISTS", key + ":new"],
        ]);
    }

    [Fact]
    public async Task HashCommands_OnAString_GiveWrongType()
    {
        var key = NewKey("wrongtype");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "v"],
            ["HSET", key, "f", "1"],
            ["HMSET", key, "f", "1"],
            ["HSETNX", key, "f", "1"],
            ["HGET", key, "f"],
            ["HMGET", key, "f"],
            ["HGETALL", key],
            ["HKEYS", key],
            ["HVALS", key],
            ["HLEN", key],
            ["HEXISTS", key, "f"],
            ["HDEL", key, "f"],
            ["HINCRBY", key, "f", "1"],
            ["HINCRBY", key, "f", "x"],
            ["HINCRBYFLOAT", key, "f", "1"],
            ["HINCRBYFLOAT", key, "f", "x"],
            ["HINCRBYFLOAT", key, "f", "inf"],
            ["GET", key],
        ]);
    }

    [Fact]
    public async Task Resp3_HashReplies_HaveRedisShapes()
    {
        var key = NewKey("resp3");
        await using var pair = await fixture.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("HGETALL", key);
        await pair.AssertSameAsync("HKEYS", key);
        await pair.AssertSameAsync("HMGET", key, "a");
        await pair.AssertSameAsync("HGET", key, "a");
        await pair.AssertSameAsync("HSET", key, "b", "2", "a", "1");
        await pair.AssertSameAsync("HGETALL", key);
        await pair.AssertSameAsync("HKEYS", key);
        await pair.AssertSameAsync("HVALS", key);
        await pair.AssertSameAsync("HMGET", key, "a", "zz");
        await pair.AssertSameAsync("HGET", key, "zz");
        await pair.AssertSameAsync("HINCRBYFLOAT", key, "a", "0.5");
        await pair.AssertSameAsync("HINCRBY", key, "b", "3");
        await pair.AssertSameAsync("HEXISTS", key, "a");
        await pair.AssertSameAsync("HLEN", key);
    }
}
