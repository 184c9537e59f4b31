namespace OrleansStreams.Platform.Tests.Telemetry;

/// <summary>One exported metric point: a sum, a gauge's last value, or a histogram's sum and count.</summary>
public sealed record MetricSample(string Name, string MeterName, IReadOnlyDictionary<string, object?> Tags, double Value, long Count)
{
    public bool HasTag(string key, string value) => Tags.TryGetValue(key, out var tag) && Equals(tag?.ToString(), value);
}
