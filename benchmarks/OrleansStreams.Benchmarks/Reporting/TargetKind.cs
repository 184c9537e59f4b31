namespace OrleansStreams.Benchmarks.Reporting;

public enum TargetKind
{
    None,
    RatioAtLeast,
    RatioAtMost,
    SiloBelow,
}
