using Microsoft.Data.Sqlite;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>The contract on a real SQLite file in a temp folder; the second writer is another instance on the same file.</summary>
public sealed class SqliteJournalStorageContractTests : DatabaseJournalStorageContractTests
{
    private readonly TempDirectory _directory = new();

    protected override Task<IJournalStorage> CreateStorageAsync(DurabilityMode durability, TimeProvider? timeProvider = null)
        => Task.FromResult<IJournalStorage>(new SqliteJournalStorage(SqliteTestStores.Options(_directory.Path, durability), timeProvider));

    protected override async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        await ((SqliteJournalStorage)Storage).InitializeAsync();
        return SqliteTestStores.HoldWriteLock(Path.Combine(_directory.Path, "journal.db"));
    }

    protected override Task ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = SqliteTestStores.OpenRaw(Path.Combine(_directory.Path, "journal.db"));
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    protected override Task<byte[]> QueryBlobAsync(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = SqliteTestStores.OpenRaw(Path.Combine(_directory.Path, "journal.db"));
        using var command = Command(connection, sql, parameters);
        return Task.FromResult((byte[])command.ExecuteScalar()!);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{s}", string.Empty, StringComparison.Ordinal);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value);
        }

        return command;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
