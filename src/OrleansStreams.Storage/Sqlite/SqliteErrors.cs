using Microsoft.Data.Sqlite;

namespace OrleansStreams.Storage;

/// <summary>Turns SQLite result codes into storage failures with a message that says what to do about them.</summary>
internal static class SqliteErrors
{
    private const int Permission = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int TooBig = 18;
    private const int Constraint = 19;
    private const int Mismatch = 20;
    private const int Range = 25;
    private const int NotADatabase = 26;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public static JournalStorageException ToStorageException(SqliteException exception, string database, int busyTimeoutSeconds, bool committing = false)
    {
        var (failure, problem) = exception.SqliteErrorCode switch
        {
            Busy or Locked => (JournalStorageFailure.Unavailable, $"is locked by another connection or process (waited {busyTimeoutSeconds} s for the write lock)"),
            Full => (JournalStorageFailure.Full, "is full: the disk or the configured size limit has no room for the write"),
            Corrupt or NotADatabase => (JournalStorageFailure.Corrupt, "is damaged or is not a SQLite database"),
            CantOpen or Permission or ReadOnly => (JournalStorageFailure.Unavailable, "cannot be opened for writing (missing folder, permissions or a read-only file system)"),
            IoError => (JournalStorageFailure.Failed, "hit an I/O error"),
            _ => (JournalStorageFailure.Failed, "refused the operation"),
        };
        var outcome = committing ? " The write may or may not be stored." : string.Empty;
        return new JournalStorageException($"The journal {database} {problem}. {exception.Message.TrimEnd('.')}.{outcome}", failure, committing, exception);
    }

    public static JournalBatchException ToBatchException(SqliteException exception, string database, int busyTimeoutSeconds, bool committing)
    {
        var error = ToStorageException(exception, database, busyTimeoutSeconds, committing);
        if (committing)
        {
            return new JournalBatchException(error, JournalBatchFailureScope.Commit);
        }

        return exception.SqliteErrorCode switch
        {
            Constraint => new JournalBatchException(
                error,
                JournalBatchFailureScope.Statement,
                isConflict: exception.SqliteExtendedErrorCode is ConstraintPrimaryKey or ConstraintUnique),
            TooBig or Mismatch or Range => new JournalBatchException(error, JournalBatchFailureScope.Statement),
            _ => new JournalBatchException(error, JournalBatchFailureScope.Store),
        };
    }
}
