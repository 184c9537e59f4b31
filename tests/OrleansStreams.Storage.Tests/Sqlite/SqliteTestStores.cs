using Microsoft.Data.Sqlite;

namespace OrleansStreams.Storage.Tests;

internal static class SqliteTestStores
{
    public static SqliteJournalStorageOptions Options(string directory, DurabilityMode durability = DurabilityMode.Always)
        => new() { DataDirectory = directory, Durability = durability };

    /// <summary>An unpooled connection of the test's own, so it really releases the file when disposed.</summary>
    public static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Holds the database's write lock (BEGIN IMMEDIATE on another connection) until disposed; readers are not blocked in WAL mode.</summary>
    public static IAsyncDisposable HoldWriteLock(string path)
    {
        var connection = OpenRaw(path);
        var transaction = connection.BeginTransaction(deferred: false);
        return new WriteLock(connection, transaction);
    }

    private sealed class WriteLock(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            transaction.Rollback();
            transaction.Dispose();
            connection.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
