using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.PlainKeys;

/// <summary>
/// Checkpoint-style use inside MULTI/EXEC and over RESP3, against redis-server. No Redis 7.0 vs 7.2+ behaviour
/// differences are known for the string, hash and expiry commands, so every case is compared.
/// </summary>
[Collection("differential")]
public sealed class PlainKeyTransactionTests(DifferentialFixture fixture)
{
    private static string NewKey(string name) => $"plain:tx:{name}:{Guid.NewGuid():N}";

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CheckpointUpdate_InMultiExec_RepliesAlike(int protocol)
    {
        var key = NewKey("checkpoint");
        await using var pair = await fixture.ConnectPairAsync(protocol);
        await pair.AssertSameAsync("HSET", key, "position", "10");
        await pair.AssertSameAsync("MULTI");
        await pair.AssertSameAsync("HSET", key, "position", "11", "updated", "yes");
        await pair.AssertSameAsync("HINCRBY", key, "count", "1");
        await pair.AssertSameAsync("INCR", key + ":counter");
        await pair.AssertSameAsync("INCR", key);
        await pair.AssertSameAsync("EXPIRE", key, "100");
        await pair.AssertSameAsync("HGETALL", key);
        await pair.AssertSameAsync("EXEC");
        await pair.AssertSameAsync("TTL", key);
        await pair.AssertSameAsync("GET", key + ":counter");
    }

    [Fact]
    public async Task Watch_OnACheckpoint_IsInvalidatedByAnotherClientsWrite()
    {
        var key = NewKey("watch");
        await using var watcher = await fixture.ConnectPairAsync();
        await using var writer = await fixture.ConnectPairAsync();
        await watcher.AssertSameAsync("SET", key, "1");
        await watcher.AssertSameAsync("WATCH", key);
        await writer.AssertSameAsync("INCRBY", key, "5");
        await watcher.AssertSameAsync("MULTI");
        await watcher.AssertSameAsync("SET", key, "100");
        await watcher.AssertSameAsync("EXEC");
        await watcher.AssertSameAsync("GET", key);
    }
}
