namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// The durability tests run one at a time: they start silo processes and time restarts, and the machine is small.
/// They share one PostgreSQL server (each test makes a database of its own).
/// </summary>
[CollectionDefinition("durability", DisableParallelization = true)]
public sealed class DurabilityCollection : ICollectionFixture<PostgresCluster>;
