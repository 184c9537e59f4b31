using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>XADD with 50 connections against the silo on SQLite in each durability mode and its redis-server AOF counterpart.</summary>
public static class DurablePhase
{
    public static async Task<IReadOnlyList<MetricResult>> RunAsync(
        BenchmarkSettings settings, SiloLauncher launcher, string workDir, CancellationToken cancellationToken)
    {
        List<MetricResult> results = [];
        foreach (var (durability, persistence) in new[] { ("always", RedisPersistence.AofAlways), ("everysec", RedisPersistence.AofEverysec) })
        {
            var workload = ThroughputPhase.XAdd(
                $"XADD durable {durability}, 50 conns, pipeline 1", $"xadd-{durability}", 1);
            try
            {
                await using var pair = await ServerPair.StartAsync(launcher, "sqlite", durability, persistence, workDir, durability);
                results.AddRange(await AlternatingRounds.RunAsync([workload], pair.Silo, pair.Redis, settings, cancellationToken));
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                // A server that does not start (an option not supported yet) is reported, not fatal.
                var failed = new MetricResult(workload.Metrics[0]);
                failed.Silo.Error = failed.Redis.Error = $"start-up failed: {FirstLine(exception.Message)}";
                results.Add(failed);
                Progress.Write($"{workload.Metrics[0].Name}: {failed.Silo.Error}");
            }
        }
        return results;
    }

    public static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
