namespace OrleansStreams.Storage;

public sealed class SqliteJournalStorageOptions : DatabaseJournalStorageOptions
{
    /// <summary>Folder of the database file; created when missing.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    public string FileName { get; set; } = "journal.db";

    /// <summary>
    /// How long a write waits for another connection or process that holds the database's write lock before
    /// failing with <see cref="JournalStorageFailure.Unavailable"/>. Whole seconds (Microsoft.Data.Sqlite's unit), at least 1.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An optional cap on the database size; a write that needs more fails with <see cref="JournalStorageFailure.Full"/>, like a full disk.</summary>
    public long? MaxDatabaseSizeBytes { get; set; }

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));

    internal int BusyTimeoutSeconds => Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds));

    internal new void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("SQLite journal storage needs a data directory.", nameof(DataDirectory));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(FileName, nameof(FileName));
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero, nameof(BusyTimeout));
        if (MaxDatabaseSizeBytes is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 64 * 1024, nameof(MaxDatabaseSizeBytes));
        }
    }
}
