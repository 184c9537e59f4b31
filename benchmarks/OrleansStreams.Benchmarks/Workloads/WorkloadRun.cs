namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>One measurement: round 0 is the warm-up (JIT, connection pools, rate calibration) and is not reported.</summary>
public sealed record WorkloadRun(int Round, TimeSpan Duration)
{
    public bool IsWarmup => Round == 0;

    public string Key(string workload, BenchTarget target) => $"bench:{workload}:{target.Name}:{Round}";
}
