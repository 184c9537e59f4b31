using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.PlainKeys;

/// <summary>GET, SET, MGET and the INCR family against redis-server: replies, errors and option handling byte for byte.</summary>
[Collection("differential")]
public sealed class StringCommandTests(DifferentialFixture fixture)
{
    private static string NewKey(string name) => $"plain:str:{name}:{Guid.NewGuid():N}";

    [Fact]
    public async Task GetAndSet_OnMissingAndExistingKeys_ReplyAlike()
    {
        var key = NewKey("basic");
        await fixture.AssertSameScriptAsync(
        [
            ["GET", key],
            ["SET", key, "hello"],
            ["GET", key],
            ["SET", key, ""],
            ["GET", key],
            ["SET", key, "bin\u0000\u00ff\r\nvalue"],
            ["GET", key],
            ["get", key],
            ["GET"],
            ["GET", key, "extra"],
            ["SET", key],
        ]);
    }

    [Fact]
    public async Task Set_WithNxXxAndGet_FollowsConditions()
    {
        var key = NewKey("cond");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "1", "XX"],
            ["GET", key],
            ["SET", key, "1", "NX"],
            ["SET", key, "2", "NX"],
            ["GET", key],
            ["SET", key, "3", "XX"],
            ["GET", key],
            ["SET", key, "4", "GET"],
            ["SET", key, "5", "NX", "GET"],
            ["SET", key, "6", "XX", "GET"],
            ["GET", key],
            ["SET", key + ":none", "7", "GET"],
            ["SET", key + ":none2", "7", "XX", "GET"],
            ["GET", key + ":none2"],
            ["SET", key, "8", "nx", "nx"],
            ["SET", key, "9", "get", "GET"],
        ]);
    }

    [Fact]
    public async Task Set_WithConflictingOrBrokenOptions_GivesRedisErrors()
    {
        var key = NewKey("errors");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "v", "NX", "XX"],
            ["SET", key, "v", "XX", "NX"],
            ["SET", key, "v", "EX"],
            ["SET", key, "v", "EX", "10", "PX", "100"],
            ["SET", key, "v", "EX", "10", "KEEPTTL"],
            ["SET", key, "v", "KEEPTTL", "EX", "10"],
            ["SET", key, "v", "EXAT", "10", "PXAT", "100"],
            ["SET", key, "v", "BOGUS"],
            ["SET", key, "v", "EX", "abc"],
            ["SET", key, "v", "EX", "0"],
            ["SET", key, "v", "PX", "-5"],
            ["SET", key, "v", "EX", "9223372036854775"],
            ["SET", key, "v", "PX", "9223372036854775807"],
            ["SET", key, "v", "EXAT", "0"],
            ["SET", key, "v", "EX", "1.5"],
            ["SET", key, "v", "EX", "abc", "BOGUS"],
            ["SET", key, "v", "PERSIST"],
            ["GET", key],
            ["SET", key, "v", "EX", "abc", "EX", "100"],
            ["TTL", key],
        ]);
    }

    [Fact]
    public async Task Set_WithExpiryOptions_SetsKeepsAndClearsTtl()
    {
        var key = NewKey("ttl");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "v", "EX", "100"],
            ["TTL", key],
            ["SET", key, "v", "PX", "200000"],
            ["TTL", key],
            ["SET", key, "v2", "KEEPTTL"],
            ["TTL", key],
            ["GET", key],
            ["SET", key, "v3"],
            ["TTL", key],
            ["SET", key, "v", "EXAT", "4102444800"],
            ["EXPIRETIME", key],
            ["SET", key, "v", "PXAT", "4102444800123"],
            ["PEXPIRETIME", key],
            ["SET", key, "v", "EX", "100", "EX", "300"],
            ["TTL", key],
            ["SET", key, "v", "PXAT", "1"],
            ["GET", key],
            ["EXISTS", key],
            ["SET", key, "v", "EXAT", "1", "GET"],
            ["SET", key, "v", "KEEPTTL", "XX"],
            ["SET", key, "v", "KEEPTTL"],
            ["TTL", key],
        ]);
    }

    [Fact]
    public async Task Set_OverAHash_ReplacesItUnlessGetOrNx()
    {
        var key = NewKey("overwrite");
        await fixture.AssertSameScriptAsync(
        [
            ["HSET", key, "f", "1"],
            ["SET", key, "v", "GET"],
            ["SET", key, "v", "NX"],
            ["SET", key, "v", "NX", "GET"],
            ["TYPE", key],
            ["SET", key, "v", "XX"],
            ["TYPE", key],
            ["GET", key],
            ["HGET", key, "f"],
            ["HSET", key + ":2", "f", "1"],
            ["EXPIRE", key + ":2", "500"],
            ["SET", key + ":2", "v", "KEEPTTL"],
            ["TYPE", key + ":2"],
            ["TTL", key + ":2"],
            ["HSET", key + ":3", "f", "1"],
            ["SET", key + ":3", "v"],
            ["HSET", key + ":3", "f", "2"],
            ["GET", key + ":3"],
        ]);
    }

    [Fact]
    public async Task MGet_WithMissingAndOtherTypeKeys_GivesNils()
    {
        var key = NewKey("mget");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key + ":a", "1"],
            ["SET", key + ":b", "2"],
            ["HSET", key + ":h", "f", "v"],
            ["MGET", key + ":a", key + ":missing", key + ":h", key + ":b", key + ":a"],
            ["MGET", key + ":missing"],
            ["MGET"],
        ]);
    }

    [Fact]
    public async Task IncrFamily_CountsAndRefusesBadInput()
    {
        var key = NewKey("incr");
        await fixture.AssertSameScriptAsync(
        [
            ["INCR", key],
            ["INCR", key],
            ["DECR", key],
            ["INCRBY", key, "10"],
            ["DECRBY", key, "-5"],
            ["DECRBY", key, "3"],
            ["GET", key],
            ["INCRBY", key, "abc"],
            ["INCRBY", key, "1.5"],
            ["INCRBY", key, " 1"],
            ["INCRBY", key, "+1"],
            ["INCRBY", key, "01"],
            ["INCRBY", key, "-0"],
            ["INCRBY", key, "9223372036854775808"],
            ["DECRBY", key, "-9223372036854775808"],
            ["INCR", key, "extra"],
            ["INCRBY", key],
            ["SET", key, "9223372036854775806"],
            ["INCR", key],
            ["INCR", key],
            ["GET", key],
            ["SET", key, "-9223372036854775807"],
            ["DECR", key],
            ["DECR", key],
            ["INCRBY", key, "-9223372036854775808"],
            ["SET", key, "not a number"],
            ["INCR", key],
            ["SET", key, " 5"],
            ["INCR", key],
            ["SET", key, "007"],
            ["INCR", key],
            ["SET", key, "12345678901234567890123"],
            ["INCR", key],
        ]);
    }

    [Fact]
    public async Task Incr_KeepsTheTtl()
    {
        var key = NewKey("incrttl");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "5", "EX", "100"],
            ["INCR", key],
            ["TTL", key],
            ["INCRBYFLOAT", key, "1.5"],
            ["TTL", key],
        ]);
    }

    [Theory]
    [InlineData("10.5", "0.1")]
    [InlineData("3.0e3", "0")]
    [InlineData("0", "1e20")]
    [InlineData("0", "1.5e-20")]
    [InlineData("0", "-1e-20")]
    [InlineData("0", "0.000003814697265625")]
    [InlineData("0", "0x1p3")]
    [InlineData("0", "0X1.8P-1")]
    [InlineData("0", "5.")]
    [InlineData("0", ".5e1")]
    [InlineData("0", "1.23456789012345678901234")]
    [InlineData("0", "3.6e-4951")]
    [InlineData("0", "1.1e4932")]
    [InlineData("1.1e4932", "1.1e4932")]
    [InlineData("0.1", "0.2")]
    [InlineData("1", "-1")]
    [InlineData("-1.5", "0.25")]
    [InlineData("123456789", "0.000001")]
    [InlineData("5", "-10.75")]
    [InlineData("1e17", "0.5")]
    [InlineData("9007199254740993", "1")]
    [InlineData("0", "2.5e-17")]
    [InlineData("0", "1.5e-17")]
    [InlineData("inf", "1")]
    [InlineData("-inf", "1")]
    [InlineData("nan", "1")]
    [InlineData("abc", "1")]
    [InlineData("0", "inf")]
    [InlineData("0", "-infinity")]
    [InlineData("0", "nan")]
    [InlineData("0", "1e5000")]
    [InlineData("0", "1e-5000")]
    [InlineData("0", " 1")]
    [InlineData("0", "1 ")]
    [InlineData("0", "1e")]
    [InlineData("0", "0x")]
    [InlineData("0", "")]
    [InlineData("0", "-")]
    [InlineData("0", "+.5")]
    [InlineData("1", "1\u00002")]
    [InlineData("12", "1")]
    [InlineData("-0", "0")]
    public async Task IncrByFloat_ComputesInLongDoubleAndFormatsLikeRedis(string initial, string increment)
    {
        var key = NewKey("float");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, initial],
            ["INCRBYFLOAT", key, increment],
            ["GET", key],
            ["INCRBYFLOAT", key + ":new", increment],
        ]);
    }

    [Fact]
    public async Task StringCommands_OnAHash_GiveWrongType()
    {
        var key = NewKey("wrongtype");
        await fixture.AssertSameScriptAsync(
        [
            ["HSET", key, "f", "1"],
            ["GET", key],
            ["INCR", key],
            ["DECR", key],
            ["INCRBY", key, "2"],
            ["INCRBY", key, "x"],
            ["DECRBY", key, "2"],
            ["INCRBYFLOAT", key, "2"],
            ["INCRBYFLOAT", key, "x"],
            ["HGET", key, "f"],
        ]);
    }

    [Fact]
    public async Task Resp3_StringReplies_HaveRedisShapes()
    {
        var key = NewKey("resp3");
        await using var pair = await fixture.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("GET", key);
        await pair.AssertSameAsync("SET", key, "1", "XX");
        await pair.AssertSameAsync("SET", key, "1", "GET");
        await pair.AssertSameAsync("SET", key, "2", "GET");
        await pair.AssertSameAsync("MGET", key, key + ":missing");
        await pair.AssertSameAsync("INCR", key);
        await pair.AssertSameAsync("INCRBYFLOAT", key, "1.5");
        await pair.AssertSameAsync("INCRBYFLOAT", key, "x");
    }
}
