using OrleansStreams.Benchmarks.Processes;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>A server under test: <see cref="Reporting.Targets.Silo"/> or <see cref="Reporting.Targets.Redis"/>.</summary>
public sealed record BenchTarget(string Name, ServerProcess Server)
{
    public int Port => Server.Port;
}
