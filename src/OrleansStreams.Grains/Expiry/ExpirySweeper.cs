using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansStreams.GrainHost;
using OrleansStreams.Hashes;
using OrleansStreams.Keys;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Grains.Expiry;

/// <summary>
/// Active expiry: periodically finds keys whose time has passed and has their owning grain drop them, so an
/// expired key nobody reads again does not keep its state (Redis's activeExpireCycle). Correctness does not
/// depend on it: every reader already treats an expired key as missing.
/// </summary>
public sealed partial class ExpirySweeper(
    Keyspace.Keyspace keyspace,
    IGrainFactory grains,
    TimeProvider timeProvider,
    IOptions<ExpirySweeperOptions> options,
    ILogger<ExpirySweeper> logger) : BackgroundService
{
    private readonly ExpirySweeperOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // One failing grain must not stop expiry for every other key; the next sweep retries.
                    LogSweepFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One sweep: evicts up to MaxKeysPerSweep expired keys and returns how many were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var removed = 0;
        var visited = 0;
        // TODO(lead): AllEntries copies the whole directory; an expiry index in Keyspace would make this O(expiring keys).
        foreach (var entry in keyspace.AllEntries())
        {
            if (entry.ExpiresAtMs == 0 || entry.ExpiresAtMs > nowMs) continue;
            try
            {
                if (await EvictAsync(entry, nowMs, cancellationToken)) removed++;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One failing grain (a corrupt journal, say) must not keep every later key from expiring.
                LogEvictionFailed(logger, entry.Key, exception);
            }
            if (++visited >= _options.MaxKeysPerSweep) break;
        }
        if (removed > 0) LogSwept(logger, removed);
        return removed;
    }

    private ValueTask<bool> EvictAsync(KeyInfo entry, long nowMs, CancellationToken cancellationToken) => entry.Type switch
    {
        KeyType.String => grains.GetGrain<IStringGrain>(entry.Key).InvokeAsync(g => g.EvictExpiredAsync(nowMs), cancellationToken),
        KeyType.Hash => grains.GetGrain<IHashGrain>(entry.Key).InvokeAsync(g => g.EvictExpiredAsync(nowMs), cancellationToken),
        KeyType.Stream => grains.GetGrain<IStreamGrain>(entry.Key).InvokeAsync(g => g.EvictExpiredAsync(nowMs), cancellationToken),
        _ => ValueTask.FromResult(false),
    };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Active expiry removed {Count} keys")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Active expiry could not evict key {Key}")]
    private static partial void LogEvictionFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Active expiry sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
