using System.Diagnostics;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>
/// Time from sending an XADD to receiving the reply of an XREADGROUP BLOCK already waiting on that stream, on a
/// separate connection. A reader thread and a writer thread take turns with blocking I/O, so each timestamp is taken
/// as the socket call returns. The writer gives the reader a millisecond to block before each XADD (pacing, not
/// synchronisation: a reader that had not blocked yet would just get the entry at once, shortening that sample).
/// </summary>
public sealed class WakeUpLatencyWorkload(Metric p50, Metric p99, string keyName) : IWorkload
{
    public IReadOnlyList<Metric> Metrics { get; } = [p50, p99];

    public async Task<WorkloadSample> RunAsync(BenchTarget target, WorkloadRun run, CancellationToken cancellationToken)
    {
        var key = run.Key(keyName, target);
        var iterations = run.IsWarmup ? 50 : (int)Math.Clamp(run.Duration.TotalMilliseconds / 2, 100, 5_000);
        var reader = await RespConnection.ConnectAsync(target.Port, cancellationToken);
        await using var writer = await RespConnection.ConnectAsync(target.Port, cancellationToken);
        try
        {
            var created = await writer.ExecuteAsync(cancellationToken, "XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
            if (created.IsError) return WorkloadSample.Failed(created.Text ?? "error");
            var session = new WakeUpSession(reader, writer, key, iterations, cancellationToken);
            var meter = CpuMeter.Start(target.Server);
            await Task.WhenAll(Start(session.RunReader), Start(session.RunWriter));
            var cpu = meter.Stop();
            return session.Error is { } error
                ? WorkloadSample.Failed(error)
                : WorkloadSample.Of(cpu, session.Samples.Percentile(50), session.Samples.Percentile(99));
        }
        finally
        {
            await reader.DisposeAsync();
            await writer.ExecuteAsync(cancellationToken, "DEL", key);
        }
    }

    private static Task Start(Action loop) => Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
