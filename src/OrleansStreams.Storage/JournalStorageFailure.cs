namespace OrleansStreams.Storage;

public enum JournalStorageFailure
{
    /// <summary>The database cannot be reached, opened or written right now (server down, connection lost, file locked).</summary>
    Unavailable,

    /// <summary>The disk, or a configured size limit, is full.</summary>
    Full,

    /// <summary>Stored bytes fail their checks, or the file is not a database.</summary>
    Corrupt,

    /// <summary>The database refused the operation for another reason (I/O error, permissions, unexpected error).</summary>
    Failed,
}
