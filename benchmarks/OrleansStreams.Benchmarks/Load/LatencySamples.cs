namespace OrleansStreams.Benchmarks.Load;

/// <summary>Latency samples in microseconds, with nearest-rank percentiles.</summary>
public sealed class LatencySamples(int capacity)
{
    private readonly List<double> _micros = new(capacity);

    public int Count => _micros.Count;

    public void Add(TimeSpan latency) => _micros.Add(latency.TotalMicroseconds);

    public double Percentile(double percent)
    {
        if (_micros.Count == 0) return double.NaN;
        var sorted = _micros.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
