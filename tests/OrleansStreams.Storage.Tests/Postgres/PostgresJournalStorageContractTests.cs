using Npgsql;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>The contract on a real PostgreSQL server, in a schema of the test's own; the second writer is another instance on the same schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalStorageContractTests(PostgresServer server) : DatabaseJournalStorageContractTests
{
    private readonly string _schema = PostgresServer.NewSchema();

    protected override Task<IJournalStorage> CreateStorageAsync(DurabilityMode durability, TimeProvider? timeProvider = null)
        => Task.FromResult<IJournalStorage>(new PostgresJournalStorage(
            new PostgresJournalStorageOptions { ConnectionString = server.ConnectionString, Schema = _schema, Durability = durability },
            timeProvider));

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        await ((PostgresJournalStorage)Storage).InitializeAsync();
        var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        // EXCLUSIVE blocks inserts, updates and deletes on the journals table but not reads.
        await using (var command = new NpgsqlCommand($"LOCK TABLE \"{_schema}\".journals IN EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new WriteLock(connection, transaction);
    }

    protected override async Task ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<byte[]> QueryBlobAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql.Replace("{s}", $"\"{_schema}\".", StringComparison.Ordinal), connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await server.DropSchemaAsync(_schema);
    }

    private sealed class WriteLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
