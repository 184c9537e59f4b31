using Npgsql;

namespace OrleansStreams.Storage;

/// <summary>Turns Npgsql and PostgreSQL errors into storage failures, telling a lost connection from a refused statement.</summary>
internal static class PostgresErrors
{
    private const string UniqueViolation = "23505";
    private const string DiskFull = "53100";

    public static JournalStorageException ToStorageException(Exception exception, string database, bool committing = false)
    {
        var (failure, problem) = exception switch
        {
            PostgresException { SqlState: DiskFull } => (JournalStorageFailure.Full, "is out of disk space"),
            PostgresException postgres when IsConnectionLoss(postgres.SqlState) => (JournalStorageFailure.Unavailable, "went away (the server shut down or ended the connection)"),
            PostgresException { SqlState: "42P01" or "3F000" } => (JournalStorageFailure.Failed, "has lost its journal tables (the schema was dropped?)"),
            PostgresException postgres when postgres.SqlState.StartsWith("28", StringComparison.Ordinal) => (JournalStorageFailure.Unavailable, "refused the login"),
            PostgresException => (JournalStorageFailure.Failed, "refused the operation"),
            NpgsqlException or TimeoutException or IOException => (JournalStorageFailure.Unavailable, "cannot be reached"),
            _ => (JournalStorageFailure.Failed, "failed"),
        };
        var outcome = committing ? " The write may or may not be stored." : string.Empty;
        return new JournalStorageException($"The journal {database} {problem}. {exception.Message.TrimEnd('.')}.{outcome}", failure, committing, exception);
    }

    public static JournalBatchException ToBatchException(Exception exception, string database, bool committing)
    {
        var error = ToStorageException(exception, database, committing);
        if (committing)
        {
            return new JournalBatchException(error, JournalBatchFailureScope.Commit);
        }

        return exception switch
        {
            PostgresException { SqlState: UniqueViolation } => new JournalBatchException(error, JournalBatchFailureScope.Statement, isConflict: true),
            // Integrity, data and size limits belong to one statement; deadlocks and serialization failures
            // (two silos' batches touching the same journals) vanish when the writes run one by one.
            PostgresException postgres when postgres.SqlState[..2] is "22" or "23" or "54" or "40" => new JournalBatchException(error, JournalBatchFailureScope.Statement),
            PostgresException postgres when IsConnectionLoss(postgres.SqlState) => new JournalBatchException(error, JournalBatchFailureScope.ConnectionLost),
            PostgresException => new JournalBatchException(error, JournalBatchFailureScope.Store),
            _ => new JournalBatchException(error, JournalBatchFailureScope.ConnectionLost),
        };
    }

    /// <summary>Whether a failed read may succeed on a new connection (the pooled one died with a server restart).</summary>
    public static bool IsConnectionLoss(Exception exception) => exception switch
    {
        PostgresException postgres => IsConnectionLoss(postgres.SqlState),
        NpgsqlException or IOException => true,
        _ => false,
    };

    // 08: connection exceptions; 57P01-57P03: administrator/crash shutdown, cannot connect now.
    private static bool IsConnectionLoss(string sqlState) => sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03";
}
