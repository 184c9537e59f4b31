namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// The durability tests run one at a time: they start silo processes and time restarts, and the machine is small.
/// </summary>
[CollectionDefinition("durability", DisableParallelization = true)]
public sealed class DurabilityCollection;
