using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>One command repeated by redis-benchmark (-c connections, -P pipeline) against one stream key.</summary>
public sealed class RedisBenchmarkWorkload(
    Metric metric, string keyName, int connections, int pipeline, Func<string, string[]> command, long preloadEntries = 0) : IWorkload
{
    private readonly RateCalibration _calibration = new();

    public IReadOnlyList<Metric> Metrics { get; } = [metric];

    public async Task<WorkloadSample> RunAsync(BenchTarget target, WorkloadRun run, CancellationToken cancellationToken)
    {
        var key = run.Key(keyName, target);
        var args = command(key);
        await using var control = await RespConnection.ConnectAsync(target.Port, cancellationToken);
        try
        {
            if (preloadEntries > 0) await StreamLoader.LoadAsync(target.Port, key, preloadEntries, cancellationToken);
            // redis-benchmark does not stop on error replies: try the command once so an error is reported as such.
            var probe = await control.ExecuteAsync(cancellationToken, args);
            if (probe.IsError) return WorkloadSample.Failed(probe.Text ?? "error");

            var batch = (long)connections * pipeline;
            var requests = _calibration.Size(target, run.Duration, warmupSize: batch * 40, minimum: batch * 10, maximum: 20_000_000);
            var meter = CpuMeter.Start(target.Server);
            var result = await RedisBenchmarkTool.RunAsync(target.Port, connections, (int)requests, pipeline, args, run.Duration * 20 + TimeSpan.FromSeconds(60));
            var cpu = meter.Stop();
            _calibration.Record(target, result.RequestsPerSecond);
            return WorkloadSample.Of(cpu, result.RequestsPerSecond);
        }
        finally
        {
            await control.ExecuteAsync(cancellationToken, "DEL", key);
        }
    }
}
