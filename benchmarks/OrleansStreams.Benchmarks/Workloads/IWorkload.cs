using OrleansStreams.Benchmarks.Reporting;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>A workload measured the same way against the silo and against redis-server.</summary>
public interface IWorkload
{
    IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Sets up its keys, measures, and cleans up; a server error reply becomes <see cref="WorkloadSample.Failed"/>.</summary>
    Task<WorkloadSample> RunAsync(BenchTarget target, WorkloadRun run, CancellationToken cancellationToken);
}
