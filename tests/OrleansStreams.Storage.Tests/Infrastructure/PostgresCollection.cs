namespace OrleansStreams.Storage.Tests;

/// <summary>Every PostgreSQL test shares one server; each test works in a schema of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
