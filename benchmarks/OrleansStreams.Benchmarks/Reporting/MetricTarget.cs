using System.Globalization;

namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>Issue 8's goal for one figure: a silo/redis ratio bound, or an absolute bound on the silo's value.</summary>
public sealed record MetricTarget(TargetKind Kind, double Value)
{
    public static readonly MetricTarget None = new(TargetKind.None, 0);

    public static MetricTarget RatioAtLeast(double value) => new(TargetKind.RatioAtLeast, value);

    public static MetricTarget RatioAtMost(double value) => new(TargetKind.RatioAtMost, value);

    public static MetricTarget SiloBelow(double value) => new(TargetKind.SiloBelow, value);

    public string Describe(MetricUnit unit) => Kind switch
    {
        TargetKind.RatioAtLeast => $"ratio >= {Value.ToString("0.0#", CultureInfo.InvariantCulture)}",
        TargetKind.RatioAtMost => $"ratio <= {Value.ToString("0.0#", CultureInfo.InvariantCulture)}",
        TargetKind.SiloBelow => $"silo < {ValueFormatter.Format(Value, unit)}",
        _ => "",
    };

    /// <summary>Null when there is nothing to judge (no target, or a figure is missing).</summary>
    public bool? IsMet(double? silo, double? ratio) => Kind switch
    {
        TargetKind.RatioAtLeast when ratio is { } r => r >= Value,
        TargetKind.RatioAtMost when ratio is { } r => r <= Value,
        TargetKind.SiloBelow when silo is { } s => s < Value,
        _ => null,
    };
}
