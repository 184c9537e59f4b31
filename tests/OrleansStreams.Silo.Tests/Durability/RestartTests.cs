using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// Issue 4 item 4: everything survives a restart on the same data directory. The wall clock is frozen, so idle
/// times, TTLs and delivery times read the same on both sides of the restart and the replies compare byte for byte.
/// </summary>
[Collection("durability")]
public sealed class RestartTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private readonly TempDirectory _data = new();

    private static readonly string[][] Setup =
    [
        ["XADD", "s", "1-1", "a", "1"],
        ["XADD", "s", "1-2", "b", "2"],
        ["XADD", "s", "2-0", "c", "3", "d", "4"],
        ["XADD", "s", "3-0", "e", "5"],
        ["XADD", "s", "*", "f", "6"],
        ["XDEL", "s", "1-2"],
        ["XGROUP", "CREATE", "s", "g1", "0"],
        ["XGROUP", "CREATE", "s", "g2", "$"],
        ["XGROUP", "CREATECONSUMER", "s", "g2", "idle-one"],
        ["XREADGROUP", "GROUP", "g1", "alice", "COUNT", "2", "STREAMS", "s", ">"],
        ["XREADGROUP", "GROUP", "g1", "bob", "COUNT", "1", "STREAMS", "s", ">"],
        ["XACK", "s", "g1", "1-1"],
        ["XCLAIM", "s", "g1", "bob", "0", "2-0"],
        ["XREADGROUP", "GROUP", "g1", "bob", "STREAMS", "s", "0"],
        ["XREADGROUP", "GROUP", "g1", "carol", "NOACK", "STREAMS", "s", ">"],
        ["XGROUP", "SETID", "s", "g2", "2-0", "ENTRIESREAD", "2"],
        ["XADD", "capped", "MAXLEN", "2", "*", "x", "1"],
        ["XADD", "capped", "MAXLEN", "2", "*", "x", "2"],
        ["XADD", "capped", "MAXLEN", "2", "*", "x", "3"],
        ["XSETID", "capped", "1700000000000-9", "ENTRIESADDED", "12", "MAXDELETEDID", "1700000000000-0"],
        ["PEXPIRE", "capped", "3600000"],
        ["SET", "str1", "hello", "PX", "100000"],
        ["SET", "str2", "world"],
        ["INCRBY", "counter", "41"],
        ["HSET", "h", "f1", "v1", "f2", "v2", "f3", "v3"],
        ["HDEL", "h", "f2"],
        ["PEXPIRE", "h", "500000"],
    ];

    private static readonly string[][] Observations =
    [
        ["XINFO", "STREAM", "s", "FULL"],
        ["XINFO", "STREAM", "capped", "FULL"],
        ["XINFO", "GROUPS", "s"],
        ["XINFO", "CONSUMERS", "s", "g1"],
        ["XINFO", "CONSUMERS", "s", "g2"],
        ["XPENDING", "s", "g1"],
        ["XPENDING", "s", "g1", "-", "+", "10"],
        ["XPENDING", "s", "g1", "IDLE", "0", "-", "+", "10", "bob"],
        ["XRANGE", "s", "-", "+"],
        ["XRANGE", "capped", "-", "+"],
        ["XLEN", "s"],
        ["GET", "str1"],
        ["PTTL", "str1"],
        ["GET", "str2"],
        ["TTL", "str2"],
        ["GET", "counter"],
        ["HGETALL", "h"],
        ["PTTL", "h"],
        ["PTTL", "capped"],
        ["TYPE", "s"],
        ["TYPE", "h"],
        ["TYPE", "str1"],
        ["DBSIZE"],
    ];

    [Fact]
    public async Task Restart_OnSameDataDirectory_KeepsStreamsGroupsPendingEntriesAndPlainKeys()
    {
        List<string> before;
        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            foreach (var command in Setup)
            {
                var reply = await client.ExecuteAsync(command);
                Assert.False(reply.StartsWith('-'), $"{string.Join(' ', command)} failed: {reply}");
            }
            before = await ObserveAsync(client);
        }

        // The observations must describe real state, or comparing them proves nothing.
        Assert.Equal(":4\r\n", before[Array.FindIndex(Observations, o => o is ["XLEN", ..])]);
        Assert.StartsWith("*4\r\n:2\r\n", before[Array.FindIndex(Observations, o => o is ["XPENDING", _, _])]);

        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            var after = await ObserveAsync(client);
            for (var i = 0; i < Observations.Length; i++)
            {
                Assert.True(before[i] == after[i], $"{string.Join(' ', Observations[i])}\n before: {DifferentialFixture.Show(before[i])}\n  after: {DifferentialFixture.Show(after[i])}");
            }
            // The ID generator continues after the stored top (same millisecond: next sequence), never below it.
            Assert.Equal($"${Now.ToUnixTimeMilliseconds().ToString().Length + 2}\r\n{Now.ToUnixTimeMilliseconds()}-1\r\n", await client.ExecuteAsync("XADD", "s", "*", "g", "7"));
        }
    }

    [Fact]
    public async Task KeyRecreatedAfterRestart_GetsNewGenerationAndNoOldGroups()
    {
        long highestBefore;
        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal("$3\r\n1-1\r\n", await client.ExecuteAsync("XADD", "gone", "1-1", "a", "1"));
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("XGROUP", "CREATE", "gone", "g", "0"));
            Assert.StartsWith("*1\r\n", await client.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", "gone", ">"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("DEL", "gone"));
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "gone-too", "x"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("DEL", "gone-too"));
            highestBefore = silo.Services.GetRequiredService<Keyspace>().LastGeneration;
        }

        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal(":0\r\n", await client.ExecuteAsync("EXISTS", "gone"));
            Assert.Equal("$3\r\n1-1\r\n", await client.ExecuteAsync("XADD", "gone", "1-1", "a", "1"));
            var keyspace = silo.Services.GetRequiredService<Keyspace>();
            Assert.True(keyspace.TryGet("gone", Now.ToUnixTimeMilliseconds(), out var recreated));
            Assert.True(recreated.Generation > highestBefore, $"Generation {recreated.Generation} was handed out before the restart (up to {highestBefore}).");
            Assert.Equal("*0\r\n", await client.ExecuteAsync("XINFO", "GROUPS", "gone"));
            Assert.StartsWith("-NOGROUP", await client.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", "gone", "0"));
        }
    }

    [Fact]
    public async Task KeysDeletedOrExpiredBeforeRestart_StayGone()
    {
        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "deleted", "x"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("DEL", "deleted"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("HSET", "emptied", "f", "v"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("HDEL", "emptied", "f"));
            // Expired in the frozen clock's past: the key exists in storage but is dead on arrival.
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "expired", "x"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("PEXPIREAT", "expired", (Now.ToUnixTimeMilliseconds() + 1).ToString()));
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "kept", "x"));
        }

        await using (var silo = await StartAsync(Now.AddSeconds(1)))
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal(":0\r\n", await client.ExecuteAsync("EXISTS", "deleted", "emptied", "expired"));
            Assert.Equal("$-1\r\n", await client.ExecuteAsync("GET", "expired"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("DBSIZE"));
            Assert.Equal("$1\r\nx\r\n", await client.ExecuteAsync("GET", "kept"));
        }
    }

    [Fact]
    public async Task KeyReCreatedAsAnotherTypeAfterExpiring_RestoresTheNewerLifeAfterRestart()
    {
        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "shifty", "old", "PXAT", (Now.ToUnixTimeMilliseconds() + 1000).ToString()));
        }

        // The string expired; a hash takes the key. The string grain is never called, so its journal stays behind
        // and the store holds two lives of the key: the newer one (higher generation) must win.
        var later = Now.AddSeconds(10);
        await using (var silo = await StartAsync(later))
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal(":1\r\n", await client.ExecuteAsync("HSET", "shifty", "f", "new"));
        }
        await using (var storage = new SqliteJournalStorage(new SqliteJournalStorageOptions { DataDirectory = _data.Path }))
        {
            var journals = new List<string>();
            await foreach (var journal in storage.ListAsync()) journals.Add(journal.GrainId.ToString());
            Assert.Contains("string/shifty", journals);
            Assert.Contains("hash/shifty", journals);
        }

        await using (var silo = await StartAsync(later))
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal("+hash\r\n", await client.ExecuteAsync("TYPE", "shifty"));
            Assert.Equal("$3\r\nnew\r\n", await client.ExecuteAsync("HGET", "shifty", "f"));
            Assert.Equal(":-1\r\n", await client.ExecuteAsync("TTL", "shifty"));
            Assert.StartsWith("-WRONGTYPE", await client.ExecuteAsync("GET", "shifty"));
        }
    }

    private Task<InProcessSilo> StartAsync(DateTimeOffset? now = null)
        => InProcessSilo.StartAsync(
            ["--storage", "sqlite", "--data-dir", _data.Path],
            services =>
            {
                services.AddSingleton<TimeProvider>(new FrozenTimeProvider(now ?? Now));
                // Active expiry would drop expired keys behind the tests' backs; they check what a restart finds.
                services.Configure<ExpirySweeperOptions>(o => o.Period = TimeSpan.FromHours(1));
            });

    private static async Task<List<string>> ObserveAsync(RawRespClient client)
    {
        var replies = new List<string>();
        foreach (var command in Observations) replies.Add(await client.ExecuteAsync(command));
        return replies;
    }

    public void Dispose() => _data.Dispose();
}
