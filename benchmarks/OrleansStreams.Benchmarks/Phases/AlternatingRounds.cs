using System.Net.Sockets;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>
/// Runs every workload against both servers, round after round, swapping which server goes first each round so
/// neither always gets the warmer (or noisier) slot. Round 0 is a warm-up and is not reported.
/// </summary>
public static class AlternatingRounds
{
    public static async Task<IReadOnlyList<MetricResult>> RunAsync(
        IReadOnlyList<IWorkload> workloads, BenchTarget silo, BenchTarget redis, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var results = workloads.Select(w => w.Metrics.Select(m => new MetricResult(m)).ToArray()).ToArray();
        for (var round = 0; round <= settings.Rounds; round++)
        {
            var run = new WorkloadRun(round, round == 0 ? settings.WarmupDuration : settings.Duration);
            for (var w = 0; w < workloads.Count; w++)
            {
                BenchTarget[] order = round % 2 == 1 ? [silo, redis] : [redis, silo];
                foreach (var target in order)
                {
                    var rows = results[w];
                    if (rows[0].Side(target.Name).Error is not null) continue;
                    var sample = await MeasureAsync(workloads[w], target, run, cancellationToken);
                    Record(rows, target.Name, run, sample);
                }
            }
        }
        return [.. results.SelectMany(rows => rows)];
    }

    public static async Task<WorkloadSample> MeasureAsync(IWorkload workload, BenchTarget target, WorkloadRun run, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(run.Duration * 20 + TimeSpan.FromSeconds(120));
        try
        {
            return await workload.RunAsync(target, run, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WorkloadSample.Failed("timed out");
        }
        catch (Exception exception) when (exception is WorkloadException or IOException or SocketException or InvalidDataException
            or TimeoutException or InvalidOperationException)
        {
            var reason = target.Server.HasExited ? $"{target.Name} exited: {exception.Message}" : exception.Message;
            return WorkloadSample.Failed(reason);
        }
    }

    private static void Record(MetricResult[] rows, string target, WorkloadRun run, WorkloadSample sample)
    {
        var label = run.IsWarmup ? "warm-up" : $"round {run.Round}";
        for (var i = 0; i < rows.Length; i++)
        {
            var side = rows[i].Side(target);
            if (sample.Error is { } error)
            {
                side.Error = error;
                Progress.Write($"{label,-8} {rows[i].Metric.Name} | {target}: n/a (error: {error})");
                continue;
            }
            var cpu = sample.Cpu is { } c
                ? $" [{target} CPU {ValueFormatter.Percent(c.ServerPercent)}, generator CPU {ValueFormatter.Percent(c.GeneratorPercent)}]"
                : "";
            Progress.Write($"{label,-8} {rows[i].Metric.Name} | {target}: {ValueFormatter.Format(sample.Values[i], rows[i].Metric.Unit)}{cpu}");
            if (run.IsWarmup) continue;
            side.Values.Add(sample.Values[i]);
            // CPU belongs to the measurement, shown once per workload.
            if (i == 0 && sample.Cpu is { } usage) side.Cpu.Add(usage);
        }
    }
}
