namespace OrleansStreams.Storage;

/// <summary>A backend's classified failure of one transaction, telling the writer how far the damage goes.</summary>
internal sealed class JournalBatchException(JournalStorageException error, JournalBatchFailureScope scope, bool isConflict = false)
    : Exception(error.Message, error)
{
    /// <summary>What callers get when the failure is theirs.</summary>
    public JournalStorageException Error { get; } = error;

    public JournalBatchFailureScope Scope { get; } = scope;

    /// <summary>A unique key refused a record: another writer stored the same journal position first.</summary>
    public bool IsConflict { get; } = isConflict;
}
