namespace OrleansStreams.Benchmarks.Load;

public sealed record RedisBenchmarkResult(double RequestsPerSecond, double AverageMs, double P50Ms, double P99Ms);
