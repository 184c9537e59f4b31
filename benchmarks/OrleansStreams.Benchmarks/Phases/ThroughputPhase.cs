using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>The in-memory workloads: silo <c>--storage memory</c> versus redis-server without persistence.</summary>
public static class ThroughputPhase
{
    private const int Connections = 50;
    private static readonly MetricTarget AtLeastRedis = MetricTarget.RatioAtLeast(1.0);

    public static async Task<(IReadOnlyList<MetricResult> Results, GeneratorCheck Check)> RunAsync(
        BenchmarkSettings settings, SiloLauncher launcher, string workDir, CancellationToken cancellationToken)
    {
        IWorkload[] workloads =
        [
            XAdd("XADD, 50 conns, pipeline 1", "xadd-p1", 1),
            XAdd("XADD, 50 conns, pipeline 16", "xadd-p16", 16),
            new RedisBenchmarkWorkload(
                new Metric("XRANGE - + COUNT 10, 50 conns", MetricUnit.OpsPerSecond, AtLeastRedis),
                "xrange", Connections, 1, key => ["XRANGE", key, "-", "+", "COUNT", "10"], preloadEntries: 1_000),
            new GroupConsumeWorkload(
                new Metric("consume loop, 4 consumers", MetricUnit.EntriesPerSecond, AtLeastRedis),
                "consume", groups: 1, consumersPerGroup: 4, count: 10),
            new GroupConsumeWorkload(
                new Metric("fan-out to 8 groups", MetricUnit.EntriesPerSecond, AtLeastRedis),
                "fanout", groups: 8, consumersPerGroup: 1, count: 10),
            new WakeUpLatencyWorkload(
                new Metric("wake-up latency p50", MetricUnit.Microseconds, MetricTarget.None),
                new Metric("wake-up latency p99", MetricUnit.Microseconds, MetricTarget.RatioAtMost(1.0)),
                "wakeup"),
        ];
        ServerPair pair;
        try
        {
            pair = await ServerPair.StartAsync(launcher, "memory", null, RedisPersistence.None, workDir, "memory");
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            var error = $"start-up failed: {DurablePhase.FirstLine(exception.Message)}";
            Progress.Write(error);
            var failed = workloads.SelectMany(w => w.Metrics).Select(m => new MetricResult(m)).ToList();
            failed.ForEach(r => r.FailRemaining(error));
            return (failed, new GeneratorCheck());
        }
        await using (pair)
        {
            var results = await AlternatingRounds.RunAsync(workloads, pair.Silo, pair.Redis, settings, cancellationToken);
            var check = await GeneratorCheck.RunAsync(pair.Redis, settings, cancellationToken);
            return (results, check);
        }
    }

    public static RedisBenchmarkWorkload XAdd(string name, string keyName, int pipeline, MetricTarget? target = null) => new(
        new Metric(name, MetricUnit.OpsPerSecond, target ?? AtLeastRedis), keyName, Connections, pipeline, StreamLoader.XAdd);
}
