namespace OrleansStreams.Benchmarks.Reporting;

public enum MetricUnit
{
    OpsPerSecond,
    EntriesPerSecond,
    Microseconds,
    BytesPerEntry,
    Milliseconds,
}
