using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OrleansStreams.Platform.Tests.Telemetry;

/// <summary>
/// An in-process metric exporter (OpenTelemetry's InMemory exporter does not restore here). The SDK reuses its
/// metric objects between exports, so each export is copied into <see cref="MetricSample"/>s at once.
/// </summary>
public sealed class MetricCollector : BaseExporter<Metric>
{
    private readonly Lock _gate = new();
    private List<MetricSample> _latest = [];

    public Resource? Resource { get; private set; }

    /// <summary>The samples of the most recent export (cumulative temporality, so the latest one holds totals).</summary>
    public IReadOnlyList<MetricSample> Latest
    {
        get
        {
            lock (_gate) return _latest;
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        Resource ??= ParentProvider?.GetResource();
        var samples = new List<MetricSample>();
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
                samples.Add(metric.MetricType switch
                {
                    MetricType.LongSum or MetricType.LongSumNonMonotonic => new MetricSample(metric.Name, metric.MeterName, tags, point.GetSumLong(), 0),
                    MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => new MetricSample(metric.Name, metric.MeterName, tags, point.GetSumDouble(), 0),
                    MetricType.LongGauge => new MetricSample(metric.Name, metric.MeterName, tags, point.GetGaugeLastValueLong(), 0),
                    MetricType.DoubleGauge => new MetricSample(metric.Name, metric.MeterName, tags, point.GetGaugeLastValueDouble(), 0),
                    MetricType.Histogram => new MetricSample(metric.Name, metric.MeterName, tags, point.GetHistogramSum(), point.GetHistogramCount()),
                    _ => new MetricSample(metric.Name, metric.MeterName, tags, double.NaN, 0),
                });
            }
        }

        lock (_gate) _latest = samples;
        return ExportResult.Success;
    }
}
