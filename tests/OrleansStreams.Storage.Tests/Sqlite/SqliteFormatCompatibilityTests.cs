using System.Text;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>A database file in format 1, written by Samples/make-samples.py, must stay readable and writable.</summary>
public sealed class SqliteFormatCompatibilityTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private async Task<SqliteJournalStorage> OpenSampleAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Samples", "journal-v1.db"), Path.Combine(_directory.Path, "journal.db"));
        var storage = new SqliteJournalStorage(SqliteTestStores.Options(_directory.Path));
        await storage.InitializeAsync();
        return storage;
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    [Fact]
    public async Task AFormat1Database_ReadsBackItsJournals()
    {
        await using var storage = await OpenSampleAsync();

        var compacted = await storage.ReadAsync(new GrainId("stream", "mystream"), "state", default);
        var binaryKey = await storage.ReadAsync(new GrainId("stream", "k\0\u00ff"), "state", default);
        var euro = await storage.ReadAsync(new GrainId("hash", "\u20ac"), "fields", default);

        Assert.Equal("snapshot of r0 r1", Text(compacted.Snapshot!.Value));
        Assert.Equal(["r2"], compacted.Records.Select(Text));
        Assert.Equal(3, compacted.Version);
        Assert.Null(binaryKey.Snapshot);
        Assert.Equal(["first"], binaryKey.Records.Take(1).Select(Text));
        Assert.Equal(new byte[] { 0, 1, 0xFE, 0xFF }, binaryKey.Records[1].ToArray());
        Assert.Equal(1, binaryKey.Version);
        Assert.Equal(["\u20acuro"], euro.Records.Select(Text));
    }

    [Fact]
    public async Task AFormat1Database_ListsItsJournals_AndTakesNewWrites()
    {
        await using var storage = await OpenSampleAsync();

        var listed = new List<JournalDescriptor>();
        await foreach (var journal in storage.ListAsync())
        {
            listed.Add(journal);
        }

        var version = await storage.AppendAsync(new GrainId("stream", "mystream"), "state", [Encoding.UTF8.GetBytes("r3")], 3, default);
        var after = await storage.ReadAsync(new GrainId("stream", "mystream"), "state", default);

        Assert.Equal(
            [
                new(new GrainId("stream", "mystream"), "state", 3),
                new(new GrainId("stream", "k\0\u00ff"), "state", 1),
                new(new GrainId("hash", "\u20ac"), "fields", 1),
            ],
            listed);
        Assert.Equal(4, version);
        Assert.Equal(["r2", "r3"], after.Records.Select(Text));
    }

    public void Dispose() => _directory.Dispose();
}
