using System.Text;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>SQLite-only behaviour: a locked, damaged or full database file, and the file's own settings.</summary>
public sealed class SqliteJournalStorageTests : IDisposable
{
    private const string State = "state";
    private readonly TempDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, "journal.db");

    private static IReadOnlyList<ReadOnlyMemory<byte>> Records(params string[] texts) => [.. texts.Select(t => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(t))];

    [Fact]
    public async Task Append_WhileAnotherConnectionHoldsTheWriteLock_FailsWithAClearError_AndSucceedsOnceReleased()
    {
        var options = SqliteTestStores.Options(_directory.Path);
        options.BusyTimeout = TimeSpan.FromSeconds(1);
        await using var storage = new SqliteJournalStorage(options);
        var id = new GrainId("locked", "k");
        var version = await storage.AppendAsync(id, State, Records("before"), 0, default);

        JournalStorageException locked;
        JournalReadResult readWhileLocked;
        await using (SqliteTestStores.HoldWriteLock(DatabasePath))
        {
            locked = await Assert.ThrowsAsync<JournalStorageException>(() => storage.AppendAsync(id, State, Records("during"), version, default));
            readWhileLocked = await storage.ReadAsync(id, State, default);
        }

        var after = await storage.AppendAsync(id, State, Records("after"), version, default);

        Assert.Equal(JournalStorageFailure.Unavailable, locked.Failure);
        Assert.False(locked.OutcomeUnknown);
        Assert.Contains("locked", locked.Message);
        Assert.Contains(DatabasePath, locked.Message);
        Assert.Single(readWhileLocked.Records);
        Assert.Equal(2, after);
        Assert.Equal(2, (await storage.ReadAsync(id, State, default)).Records.Count);
    }

    [Fact]
    public async Task AFileThatIsNotADatabase_FailsReadsAndWritesAsCorrupt()
    {
        await File.WriteAllTextAsync(DatabasePath, new string('x', 8192));
        await using var storage = new SqliteJournalStorage(SqliteTestStores.Options(_directory.Path));
        var id = new GrainId("damaged", "k");

        var write = await Assert.ThrowsAsync<JournalStorageException>(() => storage.AppendAsync(id, State, Records("r"), 0, default));
        var read = await Assert.ThrowsAsync<JournalStorageException>(() => storage.ReadAsync(id, State, default));
        var start = await Assert.ThrowsAsync<JournalStorageException>(() => storage.InitializeAsync());

        Assert.Equal(JournalStorageFailure.Corrupt, write.Failure);
        Assert.Equal(JournalStorageFailure.Corrupt, read.Failure);
        Assert.Equal(JournalStorageFailure.Corrupt, start.Failure);
        Assert.Contains("not a SQLite database", write.Message);
    }

    [Fact]
    public async Task Append_BeyondTheSizeLimit_FailsAsFull_AndEverythingStoredBeforeStaysReadable()
    {
        var options = SqliteTestStores.Options(_directory.Path, DurabilityMode.None);
        options.MaxDatabaseSizeBytes = 128 * 1024;
        await using var storage = new SqliteJournalStorage(options);
        var id = new GrainId("full", "k");
        var record = new string('r', 16 * 1024);
        var version = 0L;
        JournalStorageException? full = null;
        for (var i = 0; i < 64 && full is null; i++)
        {
            try
            {
                version = await storage.AppendAsync(id, State, Records(record), version, default);
            }
            catch (JournalStorageException exception)
            {
                full = exception;
            }
        }

        Assert.NotNull(full);
        Assert.Equal(JournalStorageFailure.Full, full.Failure);
        Assert.False(full.OutcomeUnknown);
        var journal = await storage.ReadAsync(id, State, default);
        Assert.Equal(version, journal.Version);
        Assert.Equal(version, journal.Records.Count);
    }

    [Fact]
    public async Task ADataDirectoryThatCannotBeCreated_FailsAsUnavailable()
    {
        var file = Path.Combine(_directory.Path, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        await using var storage = new SqliteJournalStorage(SqliteTestStores.Options(Path.Combine(file, "data")));
        var id = new GrainId("nowhere", "k");

        var write = await Assert.ThrowsAsync<JournalStorageException>(() => storage.AppendAsync(id, State, Records("r"), 0, default));
        var read = await Assert.ThrowsAsync<JournalStorageException>(() => storage.ReadAsync(id, State, default));

        Assert.Equal(JournalStorageFailure.Unavailable, write.Failure);
        Assert.Equal(JournalStorageFailure.Unavailable, read.Failure);
        Assert.Contains("cannot be created", write.Message);
    }

    [Fact]
    public async Task TheDatabase_IsInWalMode()
    {
        await using (var storage = new SqliteJournalStorage(SqliteTestStores.Options(_directory.Path)))
        {
            await storage.AppendAsync(new GrainId("wal", "k"), State, Records("r"), 0, default);
        }

        using var connection = SqliteTestStores.OpenRaw(DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task AWriteAfterDispose_ThrowsObjectDisposed()
    {
        var storage = new SqliteJournalStorage(SqliteTestStores.Options(_directory.Path));
        await storage.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.AppendAsync(new GrainId("closed", "k"), State, Records("r"), 0, default));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.ReadAsync(new GrainId("closed", "k"), State, default));
    }

    public void Dispose() => _directory.Dispose();
}
