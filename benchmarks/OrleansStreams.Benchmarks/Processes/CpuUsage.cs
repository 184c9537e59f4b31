namespace OrleansStreams.Benchmarks.Processes;

/// <summary>CPU during a measurement, in percent of one core (the machine has <see cref="Environment.ProcessorCount"/>).</summary>
public readonly record struct CpuUsage(double ServerPercent, double GeneratorPercent);
