using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Resp;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>
/// Is the load generator the bottleneck? The C# generator and redis-benchmark both drive XADD (50 connections,
/// pipeline 1 and 16) against redis-server, the faster server: if the C# generator reaches redis-benchmark's rate
/// with CPU to spare, it is not what limits the silo, which is slower.
/// </summary>
public sealed class GeneratorCheck
{
    private const int Connections = 50;

    public List<GeneratorCheckRow> Rows { get; } = [];

    public static async Task<GeneratorCheck> RunAsync(BenchTarget redis, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var check = new GeneratorCheck();
        foreach (var pipeline in new[] { 1, 16 })
        {
            var tool = ThroughputPhase.XAdd($"redis-benchmark XADD, pipeline {pipeline}", $"gencheck-tool-p{pipeline}", pipeline);
            var row = new GeneratorCheckRow(pipeline);
            for (var round = 0; round <= settings.Rounds; round++)
            {
                var run = new WorkloadRun(round, round == 0 ? settings.WarmupDuration : settings.Duration);
                var viaTool = await AlternatingRounds.MeasureAsync(tool, redis, run, cancellationToken);
                var viaCSharp = await MeasureCSharpAsync(redis, pipeline, run, cancellationToken);
                Progress.Write($"{(run.IsWarmup ? "warm-up" : $"round {round}"),-8} generator check, pipeline {pipeline} | redis-benchmark: {Describe(viaTool)}, C# generator: {Describe(viaCSharp)}");
                if (run.IsWarmup) continue;
                row.Add(row.RedisBenchmark, viaTool);
                row.Add(row.CSharp, viaCSharp);
            }
            check.Rows.Add(row);
        }
        return check;
    }

    private static async Task<WorkloadSample> MeasureCSharpAsync(BenchTarget redis, int pipeline, WorkloadRun run, CancellationToken cancellationToken)
    {
        var key = run.Key($"gencheck-csharp-p{pipeline}", redis);
        try
        {
            await using var pool = await ConnectionPool.OpenAsync(redis.Port, Connections, cancellationToken);
            var meter = CpuMeter.Start(redis.Server);
            var result = await PipelinedLoad.RunAsync(pool, RespCommandWriter.Encode(StreamLoader.XAdd(key)), pipeline, run.Duration, cancellationToken);
            var cpu = meter.Stop();
            await pool.Connections[0].ExecuteAsync(cancellationToken, "DEL", key);
            return result.Errors.First is { } error ? WorkloadSample.Failed(error) : WorkloadSample.Of(cpu, result.PerSecond);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            return WorkloadSample.Failed(exception.Message);
        }
    }

    private static string Describe(WorkloadSample sample) => sample.Error is { } error
        ? $"n/a (error: {error})"
        : $"{ValueFormatter.Format(sample.Values[0], MetricUnit.OpsPerSecond)} at {ValueFormatter.Percent(sample.Cpu!.Value.GeneratorPercent)} CPU";
}
