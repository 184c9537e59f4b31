using System.Diagnostics;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Resp;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>
/// Restart-to-ready with N entries: the silo on SQLite (--durability everysec) and redis-server with an everysec
/// AOF each hold one stream of N entries; each is stopped with SIGTERM and started again, and the clock runs from
/// starting the process until XLEN on the stream answers N.
/// </summary>
public static class RestartPhase
{
    private const string Key = "bench:restart";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(300);

    public static async Task<MetricResult> RunAsync(BenchmarkSettings settings, SiloLauncher launcher, string workDir, CancellationToken cancellationToken)
    {
        var metric = new Metric($"restart to ready with {settings.Entries:#,0} entries", MetricUnit.Milliseconds, MetricTarget.SiloBelow(5_000));
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
        return result;
    }

    private static async Task RunCoreAsync(MetricResult result, BenchmarkSettings settings, SiloLauncher launcher, string workDir, CancellationToken cancellationToken)
    {
        var metric = result.Metric;
        var siloDir = Path.Combine(workDir, "silo-restart");
        var redisDir = Path.Combine(workDir, "redis-restart");
        var restarters = new Dictionary<string, Func<ServerProcess>>
        {
            [Targets.Silo] = () => launcher.Start("sqlite", "everysec", siloDir),
            [Targets.Redis] = () => RedisLauncher.Start(RedisPersistence.AofEverysec, redisDir, Targets.Redis),
        };
        var running = new Dictionary<string, ServerProcess>();
        try
        {
            var pair = await ServerPair.StartAsync(launcher, "sqlite", "everysec", RedisPersistence.AofEverysec, workDir, "restart");
            running[Targets.Silo] = pair.Silo.Server;
            running[Targets.Redis] = pair.Redis.Server;
            foreach (var target in new[] { pair.Silo, pair.Redis })
            {
                var loaded = await LoadAsync(target, settings.Entries, cancellationToken);
                if (loaded is not null) result.Side(target.Name).Error = loaded;
            }
            for (var round = 1; round <= settings.Rounds; round++)
            {
                string[] order = round % 2 == 1 ? [Targets.Silo, Targets.Redis] : [Targets.Redis, Targets.Silo];
                foreach (var name in order)
                {
                    var side = result.Side(name);
                    if (side.Error is not null) continue;
                    if (!await running[name].StopGracefullyAsync(TimeSpan.FromSeconds(60))) result.Notes.Add($"{name} needed SIGKILL to stop");
                    await running[name].DisposeAsync();
                    var (server, elapsed, error) = await TimeStartAsync(restarters[name], settings.Entries, cancellationToken);
                    running[name] = server;
                    if (error is not null)
                    {
                        side.Error = error;
                        Progress.Write($"round {round,-2} {metric.Name} | {name}: n/a (error: {error})");
                        continue;
                    }
                    side.Values.Add(elapsed.TotalMilliseconds);
                    Progress.Write($"round {round,-2} {metric.Name} | {name}: {ValueFormatter.Format(elapsed.TotalMilliseconds, metric.Unit)}");
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            result.FailRemaining($"start-up failed: {DurablePhase.FirstLine(exception.Message)}");
        }
        finally
        {
            foreach (var server in running.Values) await server.DisposeAsync();
        }
    }

    private static async Task<string?> LoadAsync(BenchTarget target, long entries, CancellationToken cancellationToken)
    {
        try
        {
            var loaded = await StreamLoader.LoadAsync(target.Port, Key, entries, cancellationToken);
            Progress.Write($"loaded {entries:#,0} entries into {target.Name} in {loaded.Elapsed.TotalSeconds:F1} s ({loaded.PerSecond:#,0} XADD/s, 4 conns, pipeline 100)");
            return null;
        }
        catch (Exception exception) when (exception is WorkloadException or IOException or System.Net.Sockets.SocketException)
        {
            return $"loading: {exception.Message}";
        }
    }

    /// <summary>Starts the server and waits for its ready line, then asks XLEN until it answers (retrying refusals and LOADING).</summary>
    private static async Task<(ServerProcess Server, TimeSpan Elapsed, string? Error)> TimeStartAsync(
        Func<ServerProcess> start, long entries, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var server = start();
        try
        {
            await server.WaitReadyAsync(ReadyTimeout);
            while (true)
            {
                var reply = await TryXLenAsync(server.Port, cancellationToken);
                if (reply is { IsError: false })
                {
                    var elapsed = clock.Elapsed;
                    return reply.Kind == RespTokenKind.Integer && reply.Integer == entries
                        ? (server, elapsed, null)
                        : (server, elapsed, $"XLEN after restart answered {reply}, expected {entries}");
                }
                if (clock.Elapsed > ReadyTimeout) return (server, clock.Elapsed, $"not serving the stream after {ReadyTimeout.TotalSeconds:F0} s: {reply}");
                await Task.Delay(5, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            return (server, clock.Elapsed, DurablePhase.FirstLine(exception.Message));
        }
    }

    private static async Task<RespReply?> TryXLenAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await RespConnection.ConnectAsync(port, cancellationToken);
            return await connection.ExecuteAsync(cancellationToken, "XLEN", Key);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            return null;
        }
    }
}
