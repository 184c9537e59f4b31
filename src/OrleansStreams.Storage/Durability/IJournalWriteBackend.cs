namespace OrleansStreams.Storage;

/// <summary>One database's side of the group-commit writer; used from the writer loop only, one call at a time.</summary>
internal interface IJournalWriteBackend : IAsyncDisposable
{
    /// <summary>For messages and logs, e.g. "SQLite database '/data/journal.db'".</summary>
    string Description { get; }

    /// <summary>The OpenTelemetry db.system name: "sqlite" or "postgresql".</summary>
    string DatabaseSystem { get; }

    /// <summary>
    /// Applies every write in one transaction, sets each write's outcome (applied with its new version, or a
    /// version conflict, which changes nothing and does not abort the others), and commits. Throws
    /// <see cref="JournalBatchException"/> when the transaction failed; nothing of it is then committed unless
    /// the exception says the outcome is unknown.
    /// </summary>
    Task ExecuteAsync(IReadOnlyList<JournalWrite> writes);

    /// <summary>Flushes every committed transaction to disk.</summary>
    Task SyncAsync();

    /// <summary>Drops the connection after a failure, so the next call opens a fresh one.</summary>
    ValueTask ResetAsync();
}
