namespace OrleansStreams.Benchmarks.Load;

public sealed record LoadResult(long Operations, TimeSpan Elapsed, ErrorCapture Errors)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}
