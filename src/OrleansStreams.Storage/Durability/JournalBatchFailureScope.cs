namespace OrleansStreams.Storage;

internal enum JournalBatchFailureScope
{
    /// <summary>The store itself failed (locked, full, I/O, unreachable): every write would fail the same way.</summary>
    Store,

    /// <summary>The connection broke before the commit was sent: nothing is committed, so a fresh connection may retry.</summary>
    ConnectionLost,

    /// <summary>One statement was refused (a constraint, a value too big): running the writes one by one finds the culprit.</summary>
    Statement,

    /// <summary>The commit itself failed: the batch may or may not be stored.</summary>
    Commit,
}
