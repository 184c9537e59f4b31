namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>One row of the results table.</summary>
public sealed record Metric(string Name, MetricUnit Unit, MetricTarget Target);
