using OrleansStreams.Benchmarks.Processes;

namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>One server's figures for a metric: a value per round (or the error that stopped it) and CPU per round.</summary>
public sealed class MetricSide
{
    public List<double> Values { get; } = [];

    public List<CpuUsage> Cpu { get; } = [];

    public string? Error { get; set; }

    public double? Median => Error is null ? MedianOf(Values) : null;

    /// <summary>
    /// Server CPU time per operation (microseconds), for throughput figures: steadier than ops/s on a shared machine,
    /// because it does not depend on how much CPU the server could get.
    /// </summary>
    public double? CpuMicrosPerOperation => Error is null && Cpu.Count == Values.Count
        ? MedianOf(Values.Zip(Cpu, (rate, cpu) => rate > 0 ? cpu.ServerPercent / 100 / rate * 1e6 : double.NaN).Where(double.IsFinite).ToList())
        : null;

    public CpuUsage? AverageCpu => Cpu.Count == 0
        ? null
        : new CpuUsage(Cpu.Average(c => c.ServerPercent), Cpu.Average(c => c.GeneratorPercent));

    private static double? MedianOf(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public string Display(MetricUnit unit) => Error is { } error
        ? $"n/a (error: {error})"
        : Median is { } median ? ValueFormatter.Format(median, unit) : "n/a";
}
