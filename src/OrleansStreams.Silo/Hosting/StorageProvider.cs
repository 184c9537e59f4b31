namespace OrleansStreams.Silo.Hosting;

/// <summary>Where grain journals live (<c>--storage</c>).</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file under <c>--data-dir</c>: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database named by <c>--postgres "&lt;connection string&gt;"</c>.</summary>
    Postgres,

    /// <summary>Process memory only: nothing survives a restart (tests).</summary>
    Memory,
}
