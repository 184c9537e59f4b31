using System.Globalization;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Resp;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>
/// Memory per entry after N entries of three small fields, on fresh servers: the silo's process RSS delta versus
/// redis-server's used_memory delta (issue 8's definition). Both first take and drop a small warm-up stream, so code
/// paths, thread pools and allocator arenas exist before the baseline is read.
/// </summary>
public static class MemoryPhase
{
    private const long WarmupEntries = 20_000;

    public static async Task<MetricResult> RunAsync(BenchmarkSettings settings, SiloLauncher launcher, string workDir, CancellationToken cancellationToken)
    {
        var metric = new Metric($"memory per entry after {settings.Entries:#,0} entries", MetricUnit.BytesPerEntry, MetricTarget.RatioAtMost(1.5));
        var result = new MetricResult(metric);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PhaseTimeout.For(settings.Entries));
        try
        {
            await RunCoreAsync(result, settings, launcher, workDir, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result.FailRemaining($"timed out after {PhaseTimeout.For(settings.Entries).TotalMinutes:F0} minutes");
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            result.FailRemaining($"start-up failed: {DurablePhase.FirstLine(exception.Message)}");
        }
        return result;
    }

    private static async Task RunCoreAsync(MetricResult result, BenchmarkSettings settings, SiloLauncher launcher, string workDir, CancellationToken cancellationToken)
    {
        var metric = result.Metric;
        await using var pair = await ServerPair.StartAsync(launcher, "memory", null, RedisPersistence.None, workDir, "memory-per-entry");
        foreach (var target in new[] { pair.Silo, pair.Redis })
        {
            var side = result.Side(target.Name);
            try
            {
                var (primary, managed, rss) = await MeasureAsync(target, settings.Entries, cancellationToken);
                side.Values.Add(primary);
                Progress.Write($"memory   {metric.Name} | {target.Name}: {ValueFormatter.Format(primary, metric.Unit)}");
                result.Notes.Add(target.Name == Targets.Silo
                    ? $"silo managed heap (INFO used_memory) delta: {ValueFormatter.Format(managed, metric.Unit)}"
                    : $"redis RSS delta: {ValueFormatter.Format(rss, metric.Unit)}");
            }
            catch (Exception exception) when (exception is WorkloadException or IOException or System.Net.Sockets.SocketException or InvalidDataException)
            {
                side.Error = exception.Message;
                Progress.Write($"memory   {metric.Name} | {target.Name}: n/a (error: {exception.Message})");
            }
        }
    }

    /// <summary>Returns bytes per entry: the headline figure (RSS for the silo, used_memory for Redis), used_memory, RSS.</summary>
    private static async Task<(double Primary, double UsedMemory, double Rss)> MeasureAsync(BenchTarget target, long entries, CancellationToken cancellationToken)
    {
        await using var control = await RespConnection.ConnectAsync(target.Port, cancellationToken);
        await StreamLoader.LoadAsync(target.Port, "bench:memory:warmup", WarmupEntries, cancellationToken);
        await control.ExecuteAsync(cancellationToken, "DEL", "bench:memory:warmup");
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var rssBefore = target.Server.ResidentBytes();
        var usedBefore = await UsedMemoryAsync(control, cancellationToken);

        await StreamLoader.LoadAsync(target.Port, "bench:memory", entries, cancellationToken);
        var length = await control.ExecuteAsync(cancellationToken, "XLEN", "bench:memory");
        if (length.Kind != RespTokenKind.Integer || length.Integer != entries)
        {
            throw new WorkloadException($"XLEN after loading {entries} entries answered {length}");
        }
        // Let a background GC or allocator purge finish, as a long-running server would between bursts.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var rss = (target.Server.ResidentBytes() - rssBefore) / (double)entries;
        var used = (await UsedMemoryAsync(control, cancellationToken) - usedBefore) / (double)entries;
        return (target.Name == Targets.Silo ? rss : used, used, rss);
    }

    private static async Task<long> UsedMemoryAsync(RespConnection connection, CancellationToken cancellationToken)
    {
        var info = await connection.ExecuteAsync(cancellationToken, "INFO", "memory");
        foreach (var line in (info.Text ?? "").Split("\r\n"))
        {
            if (line.StartsWith("used_memory:", StringComparison.Ordinal)) return long.Parse(line["used_memory:".Length..], CultureInfo.InvariantCulture);
        }
        throw new WorkloadException("INFO memory has no used_memory");
    }
}
