using System.Diagnostics;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>
/// Consumers draining a preloaded stream with XREADGROUP <c>&gt;</c> COUNT n, acknowledging each batch with XACK.
/// One group with several consumers is the consume loop; several groups with one consumer each is fan-out.
/// The figure is entries delivered and acknowledged per second, summed over all groups.
/// </summary>
public sealed class GroupConsumeWorkload(Metric metric, string keyName, int groups, int consumersPerGroup, int count) : IWorkload
{
    private readonly RateCalibration _calibration = new();

    public IReadOnlyList<Metric> Metrics { get; } = [metric];

    public async Task<WorkloadSample> RunAsync(BenchTarget target, WorkloadRun run, CancellationToken cancellationToken)
    {
        var key = run.Key(keyName, target);
        await using var control = await RespConnection.ConnectAsync(target.Port, cancellationToken);
        try
        {
            // Each group reads every entry: size the stream so the slower of the two servers needs about the duration.
            var deliveries = _calibration.Size(target, run.Duration * 1.2, warmupSize: 4_000, minimum: 4_000, maximum: 8_000_000);
            var entries = Math.Max(1_000, deliveries / groups);
            await StreamLoader.LoadAsync(target.Port, key, entries, cancellationToken);
            for (var g = 0; g < groups; g++)
            {
                var created = await control.ExecuteAsync(cancellationToken, "XGROUP", "CREATE", key, Group(g), "0");
                if (created.IsError) return WorkloadSample.Failed(created.Text ?? "error");
            }

            await using var pool = await ConnectionPool.OpenAsync(target.Port, groups * consumersPerGroup, cancellationToken);
            var errors = new ErrorCapture();
            var meter = CpuMeter.Start(target.Server);
            var clock = Stopwatch.StartNew();
            var consumed = await Task.WhenAll(pool.Connections.Select((connection, i) =>
                GroupConsumer.StartAsync(connection, key, Group(i / consumersPerGroup), $"c{i}", count, run.Duration, clock, errors, cancellationToken)));
            var elapsed = clock.Elapsed;
            var cpu = meter.Stop();
            if (errors.First is { } error) return WorkloadSample.Failed(error);
            var rate = consumed.Sum() / elapsed.TotalSeconds;
            _calibration.Record(target, rate);
            return WorkloadSample.Of(cpu, rate);
        }
        finally
        {
            await control.ExecuteAsync(cancellationToken, "DEL", key);
        }
    }

    private static string Group(int index) => $"g{index}";
}
