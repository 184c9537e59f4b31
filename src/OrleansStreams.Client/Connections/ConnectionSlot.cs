namespace OrleansStreams.Client;

/// <summary>
/// A place in the pool for one shared connection. A broken connection is replaced on the next use; attempts are
/// spaced by <see cref="ReconnectBackoff"/>, and only one caller connects at a time while the others wait for it.
/// </summary>
internal sealed class ConnectionSlot(StreamsClientOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ReconnectBackoff _backoff = new(options);
    private MultiplexedConnection? _current;
    private bool _disposed;

    public Exception? LastError => _backoff.LastError;

    public bool IsConnected => _current is { IsHealthy: true };

    public ValueTask<MultiplexedConnection> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        return current is { IsHealthy: true } ? ValueTask.FromResult(current) : new ValueTask<MultiplexedConnection>(ConnectAsync(cancellationToken));
    }

    private async Task<MultiplexedConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var current = _current;
                if (current is { IsHealthy: true }) return current;
                if (current is not null)
                {
                    _current = null;
                    await current.DisposeAsync();
                }
                await _backoff.WaitAsync(cancellationToken);
                try
                {
                    current = await MultiplexedConnection.ConnectAsync(options, cancellationToken);
                    _backoff.Succeeded();
                    _current = current;
                    return current;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    _backoff.Failed(exception);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            if (_current is not null) await _current.DisposeAsync();
            _current = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
