using System.Collections.Concurrent;

namespace OrleansStreams.Client;

/// <summary>
/// Connections lent to one blocking command at a time (XREAD/XREADGROUP BLOCK), so a read that waits on the server
/// never holds up the pipelined commands of other callers.
/// </summary>
internal sealed class DedicatedConnectionPool(StreamsClientOptions options) : IAsyncDisposable
{
    private readonly ConcurrentQueue<MultiplexedConnection> _idle = new();
    private readonly ConcurrentDictionary<MultiplexedConnection, byte> _lent = new();
    private readonly ReconnectBackoff _backoff = new(options);
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private int _idleCount;
    private bool _disposed;

    public Exception? LastError => _backoff.LastError;

    public async Task<MultiplexedConnection> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryDequeue(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            if (idle.IsHealthy) return Lend(idle);
            await idle.DisposeAsync().ConfigureAwait(false);
        }
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Backoff is shared, so only one renter at a time waits on it after failures.
            await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _backoff.WaitAsync(cancellationToken).ConfigureAwait(false);
                var connection = await MultiplexedConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
                _backoff.Succeeded();
                return Lend(connection);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                _backoff.Failed(exception);
            }
            finally
            {
                _connecting.Release();
            }
        }
    }

    /// <summary>Takes a connection back; one whose command did not finish cleanly is closed instead, as the server may still be blocked on it.</summary>
    public async ValueTask ReturnAsync(MultiplexedConnection connection, bool reusable)
    {
        _lent.TryRemove(connection, out _);
        if (reusable && connection.IsHealthy && !_disposed)
        {
            if (Interlocked.Increment(ref _idleCount) <= options.MaxIdleBlockingConnections)
            {
                _idle.Enqueue(connection);
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var idle)) await idle.DisposeAsync().ConfigureAwait(false);
        // Closing a lent connection fails the blocked command on it.
        foreach (var lent in _lent.Keys) await lent.DisposeAsync().ConfigureAwait(false);
    }

    private MultiplexedConnection Lend(MultiplexedConnection connection)
    {
        _lent.TryAdd(connection, 0);
        return connection;
    }
}
