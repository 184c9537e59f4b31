using OrleansStreams.Benchmarks.Processes;

namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>Every round's figure for one metric on both servers; the table shows the medians.</summary>
public sealed class MetricResult(Metric metric)
{
    public Metric Metric { get; } = metric;

    public MetricSide Silo { get; } = new();

    public MetricSide Redis { get; } = new();

    public List<string> Notes { get; } = [];

    public MetricSide Side(string target) => target == Targets.Silo ? Silo : Redis;

    public double? Ratio => Silo.Median is { } silo && Redis.Median is { } redis && redis > 0 ? silo / redis : null;

    public bool? TargetMet => Metric.Target.IsMet(Silo.Median, Ratio);

    /// <summary>Marks every side that has neither figures nor an error yet as failed (a phase stopped early).</summary>
    public void FailRemaining(string error)
    {
        foreach (var side in new[] { Silo, Redis })
        {
            if (side.Error is null && side.Values.Count == 0) side.Error = error;
        }
    }
}
