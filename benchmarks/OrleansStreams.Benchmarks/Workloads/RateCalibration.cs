namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>
/// Remembers each server's last rate for a workload, so a count-bounded run (redis-benchmark -n, a preloaded stream)
/// lasts about the requested duration on both servers however fast each one is.
/// </summary>
public sealed class RateCalibration
{
    private readonly Dictionary<string, double> _rates = [];

    public long Size(BenchTarget target, TimeSpan duration, long warmupSize, long minimum, long maximum) =>
        _rates.TryGetValue(target.Name, out var rate)
            ? Math.Clamp((long)(rate * duration.TotalSeconds), minimum, maximum)
            : warmupSize;

    public void Record(BenchTarget target, double rate)
    {
        if (rate > 0) _rates[target.Name] = rate;
    }
}
