using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// Issue 4 item 3: XADDs to one stream from many clients share journal commits. While one commit is in flight,
/// the XADDs that arrive wait and then go to the grain as one batch: one commit, each acknowledged only by it.
/// </summary>
[Collection("durability")]
public sealed class GroupCommitTests : IAsyncLifetime
{
    private const int Waiting = 20;

    private readonly ControlledJournalStorage _storage = new();
    private InProcessSilo _silo = null!;
    private readonly List<RawRespClient> _clients = [];

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync(configureServices: services => services.AddSingleton<IJournalStorage>(_storage));
        for (var i = 0; i <= Waiting; i++) _clients.Add(await _silo.ConnectAsync());
    }

    [Fact]
    public async Task XAdd_FromManyClientsDuringACommit_SharesTheNextCommit()
    {
        const string key = "group-commit:s";
        Assert.Equal("$3\r\n1-1\r\n", await _clients[0].ExecuteAsync("XADD", key, "1-1", "f", "first"));
        var before = _storage.Appends;

        var firstWrite = _storage.Hold();
        await _clients[0].SendAsync("XADD", key, "2-1", "f", "held");
        await firstWrite.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i <= Waiting; i++) await _clients[i].SendAsync("XADD", key, "*", "f", $"queued-{i}");
        await WaitForQueuedAsync(key, Waiting);
        _storage.Release();

        Assert.Equal("$3\r\n2-1\r\n", await _clients[0].ReadReplyAsync());
        var ids = new HashSet<string>();
        for (var i = 1; i <= Waiting; i++)
        {
            var reply = await _clients[i].ReadReplyAsync();
            Assert.StartsWith("$", reply);
            Assert.True(ids.Add(reply), $"ID {reply} was given twice");
        }

        // The held XADD's commit, then one commit for all twenty that queued behind it.
        Assert.Equal(before + 2, _storage.Appends);
        Assert.Equal($":{Waiting + 2}\r\n", await _clients[0].ExecuteAsync("XLEN", key));
    }

    [Fact]
    public async Task XAdd_WhenTheSharedCommitFails_AcknowledgesNoneOfTheBatch()
    {
        const string key = "group-commit:fail";
        Assert.Equal("$3\r\n1-1\r\n", await _clients[0].ExecuteAsync("XADD", key, "1-1", "f", "first"));

        var firstWrite = _storage.Hold();
        await _clients[0].SendAsync("XADD", key, "2-1", "f", "held");
        await firstWrite.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i <= Waiting; i++) await _clients[i].SendAsync("XADD", key, "*", "f", $"queued-{i}");
        await WaitForQueuedAsync(key, Waiting);
        _storage.Failure = new JournalStorageException("The journal test store went away.", JournalStorageFailure.Unavailable, outcomeUnknown: false, innerException: null);
        _storage.Release();

        for (var i = 0; i <= Waiting; i++)
        {
            Assert.Equal("-ERR storage unavailable: The journal test store went away.\r\n", await _clients[i].ReadReplyAsync());
        }

        _storage.Failure = null;
        Assert.Equal(":1\r\n", await _clients[0].ExecuteAsync("XLEN", key));
    }

    private async Task WaitForQueuedAsync(string key, int count)
    {
        var batcher = _silo.Services.GetRequiredService<StreamAppendBatcher>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (batcher.QueuedCount(key) < count)
        {
            // Nothing signals "a command reached the batcher"; poll briefly (the sends are already on the wire).
            await Task.Delay(5, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
        await _silo.DisposeAsync();
    }
}
