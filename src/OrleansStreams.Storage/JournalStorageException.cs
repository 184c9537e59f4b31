namespace OrleansStreams.Storage;

/// <summary>
/// The database could not carry out a journal operation (unreachable, locked, full, I/O error). Nothing was
/// acknowledged; when <see cref="OutcomeUnknown"/> is true the failure came while committing, so the write may
/// or may not be stored (the grain must re-read its journal before writing again, which the fencing rule does).
/// A later call reconnects or reopens, so the same storage instance recovers once the database is back.
/// </summary>
public class JournalStorageException : Exception
{
    public JournalStorageException(string message, JournalStorageFailure failure, bool outcomeUnknown, Exception? innerException)
        : base(message, innerException)
    {
        Failure = failure;
        OutcomeUnknown = outcomeUnknown;
    }

    public JournalStorageFailure Failure { get; }

    public bool OutcomeUnknown { get; }
}
