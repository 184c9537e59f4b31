using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>One pipeline depth of the generator check: both generators against the same redis-server.</summary>
public sealed class GeneratorCheckRow(int pipeline)
{
    public int Pipeline { get; } = pipeline;

    public MetricSide RedisBenchmark { get; } = new();

    public MetricSide CSharp { get; } = new();

    public void Add(MetricSide side, WorkloadSample sample)
    {
        if (sample.Error is { } error)
        {
            side.Error = error;
            return;
        }
        side.Values.Add(sample.Values[0]);
        if (sample.Cpu is { } cpu) side.Cpu.Add(cpu);
    }
}
