using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// Issue 4 item 3: a write command replies only after its journal write is stored, and a write the store refuses
/// is answered with an error, never an acknowledgement; the grain then recovers from what was stored.
/// </summary>
[Collection("durability")]
public sealed class AcknowledgementTests : IAsyncLifetime
{
    // Long enough for a reply that was sent early to arrive on loopback.
    private static readonly TimeSpan NoReplyWindow = TimeSpan.FromMilliseconds(300);

    private readonly ControlledJournalStorage _storage = new();
    private InProcessSilo _silo = null!;
    private RawRespClient _client = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync(configureServices: services => services.AddSingleton<IJournalStorage>(_storage));
        _client = await _silo.ConnectAsync();
    }

    public static TheoryData<string[], string> Writes => new()
    {
        { ["XADD", "ack:s", "5-1", "f", "v"], "$3\r\n5-1\r\n" },
        { ["SET", "ack:k", "v"], "+OK\r\n" },
        { ["HSET", "ack:h", "f", "v"], ":1\r\n" },
        { ["DEL", "ack:existing"], ":1\r\n" },
        { ["PEXPIRE", "ack:existing", "100000"], ":1\r\n" },
        { ["XGROUP", "CREATE", "ack:g", "g", "0"], "+OK\r\n" },
        { ["XREADGROUP", "GROUP", "ready", "c", "STREAMS", "ack:g", ">"], "*1\r\n*2\r\n$5\r\nack:g\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n" },
        { ["XACK", "ack:g", "ready", "1-0"], ":1\r\n" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WriteCommand_RepliesOnlyAfterItsJournalWriteIsStored(string[] command, string expected)
    {
        await PrepareAsync();
        var writeArrived = _storage.Hold();
        await _client.SendAsync(command);
        await writeArrived.WaitAsync(TimeSpan.FromSeconds(10));

        _client.Timeout = NoReplyWindow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(_client.ReadReplyAsync);

        _storage.Release();
        _client.Timeout = TimeSpan.FromSeconds(10);
        Assert.Equal(expected, await _client.ReadReplyAsync());
    }

    [Fact]
    public async Task XAdd_WhenStoreFails_RepliesStorageErrorAndStoresNothing()
    {
        Assert.Equal("$3\r\n1-1\r\n", await _client.ExecuteAsync("XADD", "fail:s", "1-1", "f", "1"));
        _storage.Failure = new JournalStorageException("The journal test store went away.", JournalStorageFailure.Unavailable, outcomeUnknown: false, innerException: null);

        Assert.Equal("-ERR storage unavailable: The journal test store went away.\r\n", await _client.ExecuteAsync("XADD", "fail:s", "2-1", "f", "2"));
        Assert.Equal(":1\r\n", await _client.ExecuteAsync("XLEN", "fail:s"));

        _storage.Failure = null;
        // The refused entry is not there; the ID it would have had is free again.
        Assert.Equal("$3\r\n2-1\r\n", await _client.ExecuteAsync("XADD", "fail:s", "2-1", "f", "3"));
        Assert.Equal("*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\n1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nf\r\n$1\r\n3\r\n", await _client.ExecuteAsync("XRANGE", "fail:s", "-", "+"));
    }

    [Fact]
    public async Task XReadGroup_WhenStoreFails_DeliversTheEntriesAgainOnceItIsBack()
    {
        Assert.Equal("$3\r\n1-1\r\n", await _client.ExecuteAsync("XADD", "fail:g", "1-1", "f", "1"));
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUP", "CREATE", "fail:g", "g", "0"));
        _storage.Failure = new JournalStorageException("The journal test store is full.", JournalStorageFailure.Full, outcomeUnknown: false, innerException: null);

        Assert.Equal("-ERR storage full: The journal test store is full.\r\n", await _client.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", "fail:g", ">"));

        _storage.Failure = null;
        Assert.Equal("*0\r\n", await _client.ExecuteAsync("XPENDING", "fail:g", "g", "-", "+", "10"));
        Assert.Equal("*1\r\n*2\r\n$6\r\nfail:g\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\n1\r\n", await _client.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", "fail:g", ">"));
    }

    [Fact]
    public async Task XAck_WhenStoreFails_LeavesTheEntryPending()
    {
        Assert.Equal("$3\r\n1-1\r\n", await _client.ExecuteAsync("XADD", "fail:a", "1-1", "f", "1"));
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUP", "CREATE", "fail:a", "g", "0"));
        Assert.StartsWith("*1\r\n", await _client.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", "fail:a", ">"));
        _storage.Failure = new JournalStorageException("The journal test store went away.", JournalStorageFailure.Unavailable, outcomeUnknown: false, innerException: null);

        Assert.StartsWith("-ERR storage unavailable: ", await _client.ExecuteAsync("XACK", "fail:a", "g", "1-1"));

        _storage.Failure = null;
        Assert.StartsWith("*4\r\n:1\r\n", await _client.ExecuteAsync("XPENDING", "fail:a", "g"));
        Assert.Equal(":1\r\n", await _client.ExecuteAsync("XACK", "fail:a", "g", "1-1"));
    }

    /// <summary>State the commands of <see cref="Writes"/> act on, written before any write is held.</summary>
    private async Task PrepareAsync()
    {
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("SET", "ack:existing", "v"));
        Assert.Equal("$3\r\n1-0\r\n", await _client.ExecuteAsync("XADD", "ack:g", "1-0", "f", "v"));
        Assert.Equal("$3\r\n1-1\r\n", await _client.ExecuteAsync("XADD", "ack:g", "1-1", "f", "v"));
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUP", "CREATE", "ack:g", "ready", "0"));
        // 1-0 is pending for XACK; 1-1 is left for XREADGROUP's ">".
        Assert.StartsWith("*1\r\n", await _client.ExecuteAsync("XREADGROUP", "GROUP", "ready", "d", "COUNT", "1", "STREAMS", "ack:g", ">"));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _silo.DisposeAsync();
    }
}
