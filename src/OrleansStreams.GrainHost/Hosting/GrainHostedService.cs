using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansStreams.GrainHost;

/// <summary>Runs the idle collector every CollectionQuantum and deactivates every activation on shutdown.</summary>
internal sealed class GrainHostedService(
    GrainRuntime runtime,
    IOptions<GrainHostOptions> options,
    TimeProvider timeProvider,
    ILogger<GrainHostedService> logger) : IHostedService, IAsyncDisposable
{
    private ITimer? _timer;
    private int _sweeping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var quantum = options.Value.CollectionQuantum;
        _timer = timeProvider.CreateTimer(static s => ((GrainHostedService)s!).OnQuantum(), this, quantum, quantum);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await DisposeTimerAsync().ConfigureAwait(false);
        await runtime.DeactivateAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => DisposeTimerAsync();

    private ValueTask DisposeTimerAsync() => Interlocked.Exchange(ref _timer, null)?.DisposeAsync() ?? default;

    private void OnQuantum()
    {
        // A slow sweep (an OnDeactivateAsync that writes state) must not pile up further sweeps.
        if (Interlocked.Exchange(ref _sweeping, 1) == 0)
        {
            _ = SweepAsync();
        }
    }

    private async Task SweepAsync()
    {
        try
        {
            await runtime.CollectIdleActivationsAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Idle activation collection failed.");
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
