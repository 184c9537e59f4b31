using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.PlainKeys;

/// <summary>
/// EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST on strings and hashes
/// against redis-server. Relative times use whole seconds or far-future absolute times, so the two servers'
/// clocks (a few milliseconds apart) give the same replies.
/// </summary>
[Collection("differential")]
public sealed class ExpiryCommandTests(DifferentialFixture fixture)
{
    // 2100-01-01T00:00:00Z.
    private const string FarFutureSeconds = "4102444800";

    private static string NewKey(string name) => $"plain:exp:{name}:{Guid.NewGuid():N}";

    [Theory]
    [InlineData("string")]
    [InlineData("hash")]
    public async Task Expire_SetsTtlAndPersistRemovesIt(string type)
    {
        var key = NewKey("basic");
        await fixture.AssertSameScriptAsync(
        [
            ["TTL", key],
            ["PTTL", key],
            ["EXPIRETIME", key],
            ["EXPIRE", key, "100"],
            ["PERSIST", key],
            Create(type, key),
            ["TTL", key],
            ["PTTL", key],
            ["EXPIRETIME", key],
            ["PEXPIRETIME", key],
            ["PERSIST", key],
            ["EXPIRE", key, "100"],
            ["TTL", key],
            ["PEXPIRE", key, "200000"],
            ["TTL", key],
            ["EXPIREAT", key, FarFutureSeconds],
            ["EXPIRETIME", key],
            ["PEXPIRETIME", key],
            ["PEXPIREAT", key, FarFutureSeconds + "999"],
            ["EXPIRETIME", key],
            ["PEXPIRETIME", key],
            ["PERSIST", key],
            ["TTL", key],
            ["EXISTS", key],
        ]);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("hash")]
    public async Task Expire_InThePast_DeletesTheKey(string type)
    {
        var key = NewKey("past");
        await fixture.AssertSameScriptAsync(
        [
            Create(type, key),
            ["EXPIRE", key, "0"],
            ["EXISTS", key],
            Create(type, key),
            ["PEXPIRE", key, "-100"],
            ["EXISTS", key],
            Create(type, key),
            ["EXPIREAT", key, "1"],
            ["TYPE", key],
            Create(type, key),
            ["PEXPIREAT", key, "-9223372036854775808"],
            ["TTL", key],
            Create(type, key),
            ["TYPE", key],
            ["TTL", key],
        ]);
    }

    [Fact]
    public async Task Expire_WithConditions_AppliesOnlyWhenTheyHold()
    {
        var key = NewKey("cond");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "v"],
            ["EXPIRE", key, "100", "XX"],
            ["EXPIRE", key, "100", "GT"],
            ["EXPIRE", key, "100", "LT"],
            ["TTL", key],
            ["PERSIST", key],
            ["EXPIRE", key, "100", "NX"],
            ["EXPIRE", key, "200", "NX"],
            ["TTL", key],
            ["EXPIRE", key, "200", "XX"],
            ["TTL", key],
            ["EXPIRE", key, "100", "GT"],
            ["EXPIRE", key, "300", "gt"],
            ["TTL", key],
            ["EXPIRE", key, "400", "LT"],
            ["EXPIRE", key, "50", "lt"],
            ["TTL", key],
            ["EXPIRE", key, "60", "XX", "GT"],
            ["EXPIRE", key, "40", "XX", "LT"],
            ["TTL", key],
            ["EXPIRE", key, "-1", "GT"],
            ["EXISTS", key],
            ["EXPIRE", key, "-1", "LT"],
            ["EXISTS", key],
        ]);
    }

    [Fact]
    public async Task Expire_WithBadArguments_GivesRedisErrors()
    {
        var key = NewKey("errors");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "v"],
            ["EXPIRE", key, "100", "NX", "XX"],
            ["EXPIRE", key, "100", "XX", "NX"],
            ["EXPIRE", key, "100", "NX", "GT"],
            ["EXPIRE", key, "100", "GT", "LT"],
            ["EXPIRE", key, "100", "XX", "LT", "GT"],
            ["EXPIRE", key, "100", "FOO"],
            ["EXPIRE", key, "abc", "FOO"],
            ["EXPIRE", key, "abc"],
            ["EXPIRE", key, "1.5"],
            ["EXPIRE", key, "9223372036854775807"],
            ["EXPIRE", key, "-9223372036854775807"],
            ["PEXPIRE", key, "9223372036854775807"],
            ["EXPIREAT", key, "9223372036854775"],
            ["PEXPIREAT", key, "9223372036854775807"],
            ["PEXPIREAT", key, "9223372036854775807", "NX", "XX"],
            ["EXPIRE", key],
            ["TTL"],
            ["PERSIST", key, key],
            ["TTL", key],
            ["EXPIRE", key + ":missing", "abc"],
            ["EXPIRE", key + ":missing", "100", "BAR"],
            ["EXPIRE", key + ":missing", "9223372036854775807"],
        ]);
    }

    [Fact]
    public async Task Pttl_OfALiveExpiry_IsWithinTheSetTime()
    {
        var key = NewKey("pttl");
        await fixture.Silo.ExecuteAsync("SET", key, "v", "PX", "100000");
        var reply = await fixture.Silo.ExecuteAsync("PTTL", key);
        var pttl = long.Parse(reply.AsSpan(1, reply.Length - 3));
        Assert.InRange(pttl, 90_000, 100_000);
    }

    private static string[] Create(string type, string key) => type == "hash" ? ["HSET", key, "f", "v"] : ["SET", key, "v"];
}
