using OrleansStreams.Benchmarks.Processes;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>One measurement's figures (one per metric of the workload) with the CPU it took, or the error that prevented it.</summary>
public sealed record WorkloadSample(IReadOnlyList<double> Values, CpuUsage? Cpu, string? Error)
{
    public static WorkloadSample Of(CpuUsage cpu, params double[] values) => new(values, cpu, null);

    public static WorkloadSample Failed(string error) => new([], null, error);
}
