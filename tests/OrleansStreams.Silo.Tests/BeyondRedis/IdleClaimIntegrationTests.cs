using OrleansStreams.Silo.Tests.Durability;
using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.BeyondRedis;

/// <summary>
/// Idle-claim sweeps and dead letters in a running silo on the real clock: a consumer that dies with entries pending
/// loses them to a live consumer without anyone calling XCLAIM or XAUTOCLAIM, and a poison entry ends up in the
/// dead-letter stream. Each test waits on the event (a blocked read being served), never sleeps.
/// </summary>
public sealed class IdleClaimIntegrationTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;
    private RawRespClient _admin = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync();
        _admin = await _silo.ConnectAsync();
        _admin.Timeout = TimeSpan.FromSeconds(30);
    }

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task KilledConsumer_ItsPendingEntriesGoToAnotherConsumer_WithoutAnyClaimCall()
    {
        var key = StreamKeys.New("killed-consumer");
        Assert.Equal("+OK\r\n", await _admin.ExecuteAsync("XGROUP", "CREATE", key, "workers", "$", "MKSTREAM"));
        Assert.Equal("+OK\r\n", await _admin.ExecuteAsync("XGROUPPOLICY", "SET", key, "workers", "CLAIMIDLE", "300"));
        foreach (var id in new[] { "1-0", "2-0", "3-0" }) await _admin.ExecuteAsync("XADD", key, id, "job", id);

        var alice = await _silo.ConnectAsync();
        var taken = Resp.Array(await alice.ExecuteAsync("XREADGROUP", "GROUP", "workers", "alice", "COUNT", "10", "STREAMS", key, ">"));
        Assert.Equal(3, Resp.Entries(((List<object?>)taken[0]!)[1]).Count);
        // Alice dies mid-work: her connection goes away with all three entries pending and unacknowledged.
        await alice.DisposeAsync();

        await using var bob = await _silo.ConnectAsync();
        bob.Timeout = TimeSpan.FromSeconds(30);
        var reply = Resp.Array(await bob.ExecuteAsync("XREADGROUP", "GROUP", "workers", "bob", "COUNT", "10", "BLOCK", "20000", "STREAMS", key, ">"));

        var entries = Resp.Entries(((List<object?>)reply[0]!)[1]);
        Assert.Equal([("1-0", "job=1-0"), ("2-0", "job=2-0"), ("3-0", "job=3-0")], entries);
        var pending = Resp.Array(await _admin.ExecuteAsync("XPENDING", key, "workers", "-", "+", "10"));
        Assert.All(pending, p => Assert.Equal("bob", ((List<object?>)p!)[1]));
        Assert.All(pending, p => Assert.Equal(2L, ((List<object?>)p!)[3]));
        Assert.Contains("$9\r\nreclaimed\r\n:3\r\n", await _admin.ExecuteAsync("XGROUPPOLICY", "GET", key, "workers"));
    }

    [Fact]
    public async Task PoisonEntry_AfterMaxDeliveries_EndsUpInTheDeadLetterStream()
    {
        var key = StreamKeys.New("poison");
        var deadLetters = key + ":dlq";
        Assert.Equal("+OK\r\n", await _admin.ExecuteAsync("XGROUP", "CREATE", key, "workers", "$", "MKSTREAM"));
        Assert.Equal("+OK\r\n", await _admin.ExecuteAsync("XGROUPPOLICY", "SET", key, "workers", "CLAIMIDLE", "200", "MAXDELIVERIES", "2", "DEADLETTER", deadLetters));
        await _admin.ExecuteAsync("XADD", key, "7-0", "payload", "crashes-every-worker");

        await using var worker1 = await _silo.ConnectAsync();
        await using var worker2 = await _silo.ConnectAsync();
        worker2.Timeout = TimeSpan.FromSeconds(30);
        Assert.Contains("7-0", await worker1.ExecuteAsync("XREADGROUP", "GROUP", "workers", "w1", "STREAMS", key, ">"));
        // Neither worker acknowledges: the second gets it once it idled, and then no one gets it again.
        Assert.Contains("7-0", await worker2.ExecuteAsync("XREADGROUP", "GROUP", "workers", "w2", "BLOCK", "20000", "STREAMS", key, ">"));

        await using var watcher = await _silo.ConnectAsync();
        watcher.Timeout = TimeSpan.FromSeconds(30);
        var dead = Resp.Array(await watcher.ExecuteAsync("XREAD", "BLOCK", "20000", "STREAMS", deadLetters, "0-0"));

        var entries = Resp.Entries(((List<object?>)dead[0]!)[1]);
        Assert.Equal([("7-0", $"payload=crashes-every-worker,source-stream={key},source-group=workers,last-consumer=w2,delivery-count=2")], entries);
        Assert.Equal("*4\r\n:0\r\n$-1\r\n$-1\r\n*-1\r\n", await _admin.ExecuteAsync("XPENDING", key, "workers"));
        Assert.Equal("*-1\r\n", await _admin.ExecuteAsync("XREADGROUP", "GROUP", "workers", "w3", "STREAMS", key, ">"));
        Assert.Contains("$13\r\ndead-lettered\r\n:1\r\n", await _admin.ExecuteAsync("XGROUPPOLICY", "GET", key, "workers"));
    }
}
