namespace OrleansStreams.Benchmarks.Load;

/// <summary>A server answered a workload's command with an error: the workload is reported as n/a with this text.</summary>
public sealed class WorkloadException(string message) : Exception(message);
