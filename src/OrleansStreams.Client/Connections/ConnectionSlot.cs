namespace OrleansStreams.Client;

/// <summary>
/// A place in the pool for one shared connection. A broken connection is replaced on the next use by one connect
/// loop, spaced by <see cref="ReconnectBackoff"/>, that every caller waits on together (each with its own token), so
/// thousands of callers arriving at once cost one connection attempt, not a queue of hand-offs.
/// </summary>
internal sealed class ConnectionSlot(StreamsClientOptions options) : IAsyncDisposable
{
    private readonly ReconnectBackoff _backoff = new(options);
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private MultiplexedConnection? _current;
    private Task<MultiplexedConnection>? _connecting;

    public Exception? LastError => _backoff.LastError;

    public bool IsConnected => _current is { IsHealthy: true };

    public ValueTask<MultiplexedConnection> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is { IsHealthy: true }) return ValueTask.FromResult(current);
        Task<MultiplexedConnection> connecting;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            current = _current;
            if (current is { IsHealthy: true }) return ValueTask.FromResult(current);
            if (_connecting is null || _connecting.IsCompleted) _connecting = ConnectLoopAsync(current);
            connecting = _connecting;
        }
        return new ValueTask<MultiplexedConnection>(connecting.WaitAsync(cancellationToken));
    }

    /// <summary>Replaces the broken connection: tries until it connects or the pool is disposed, waiting out the backoff between tries.</summary>
    private async Task<MultiplexedConnection> ConnectLoopAsync(MultiplexedConnection? broken)
    {
        var stop = _disposed.Token;
        if (broken is not null) await broken.DisposeAsync().ConfigureAwait(false);
        while (true)
        {
            await _backoff.WaitAsync(stop).ConfigureAwait(false);
            try
            {
                var connection = await MultiplexedConnection.ConnectAsync(options, stop).ConfigureAwait(false);
                _backoff.Succeeded();
                lock (_lock) _current = connection;
                if (stop.IsCancellationRequested) await connection.DisposeAsync().ConfigureAwait(false);
                return connection;
            }
            catch (Exception exception) when (!stop.IsCancellationRequested)
            {
                _backoff.Failed(exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        MultiplexedConnection? current;
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested) return;
            _disposed.Cancel();
            current = _current;
            _current = null;
        }
        if (current is not null) await current.DisposeAsync().ConfigureAwait(false);
    }
}
