namespace OrleansStreams.Storage;

/// <summary>
/// When an acknowledged journal write (a completed AppendAsync, ReplaceAsync or DeleteAsync) is on stable
/// storage. In every mode a write is acknowledged only after the transaction holding it has committed, so it is
/// visible to every reader and survives the silo process dying; the modes differ in what a crash of the machine
/// (or of the PostgreSQL server) can take back. Names follow Redis' appendfsync, so configuration can say
/// "always", "everysec" or "none" (enum binding ignores case).
/// </summary>
public enum DurabilityMode
{
    /// <summary>
    /// Acknowledged after the commit is flushed to disk: SQLite synchronous=FULL (the WAL is fsynced by each
    /// commit), PostgreSQL synchronous_commit=on (COMMIT returns after the WAL flush, and after synchronous
    /// standbys when the server has them). Nothing acknowledged is lost, as far as the disk honours fsync.
    /// </summary>
    Always,

    /// <summary>
    /// Acknowledged after the commit, before it is flushed: SQLite synchronous=NORMAL (the commit is written to
    /// the WAL file, i.e. the OS cache), PostgreSQL synchronous_commit=off (the commit is in the server's WAL
    /// buffers). Each SyncInterval (1 s) the writer flushes everything committed since the last flush (a small
    /// commit with full synchronisation, which flushes the WAL up to it), and again at shutdown. An OS crash or
    /// power cut (SQLite), or a PostgreSQL server crash, can lose the writes acknowledged in the last ~1 s.
    /// </summary>
    Everysec,

    /// <summary>
    /// Acknowledged after the commit; flushing is left to the store: SQLite synchronous=OFF (never fsyncs; an OS
    /// crash can lose recent writes and may damage the file), PostgreSQL synchronous_commit=off (the server's WAL
    /// writer flushes within about 3 × wal_writer_delay). FlushAsync still forces a flush. For caches and tests.
    /// </summary>
    None,
}
