namespace OrleansStreams.Client;

/// <summary>Exponential delay between connection attempts, with jitter so many clients do not reconnect in step.</summary>
internal sealed class ReconnectBackoff(StreamsClientOptions options)
{
    private int _failures;
    private long _nextAttempt;

    public Exception? LastError { get; private set; }

    /// <summary>The wait set by the last failure (zero after a success).</summary>
    public TimeSpan CurrentDelay { get; private set; }

    public void Succeeded()
    {
        ClientInstruments.Connected();
        _failures = 0;
        LastError = null;
        CurrentDelay = TimeSpan.Zero;
        _nextAttempt = 0;
    }

    public void Failed(Exception error)
    {
        ClientInstruments.ConnectFailed();
        LastError = error;
        _failures++;
        var doubling = options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(_failures - 1, 20));
        var delay = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, doubling) * (0.8 + Random.Shared.NextDouble() * 0.4);
        CurrentDelay = TimeSpan.FromMilliseconds(delay);
        _nextAttempt = options.TimeProvider.GetTimestamp() + (long)(delay * options.TimeProvider.TimestampFrequency / 1000);
    }

    /// <summary>Waits until the next attempt is due.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var remaining = _nextAttempt - options.TimeProvider.GetTimestamp();
        if (remaining <= 0) return Task.CompletedTask;
        var delay = TimeSpan.FromSeconds((double)remaining / options.TimeProvider.TimestampFrequency);
        return Task.Delay(delay, options.TimeProvider, cancellationToken);
    }
}
