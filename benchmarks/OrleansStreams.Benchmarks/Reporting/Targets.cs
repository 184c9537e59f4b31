namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>The two servers every workload runs against.</summary>
public static class Targets
{
    public const string Silo = "silo";
    public const string Redis = "redis";
}
