using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrleansStreams.Storage;

/// <summary>
/// The SQLite layout (format 1, in storage_meta). One row per (grain type, grain key bytes, state name) journal
/// holds its version (bumped by every append and replace; a deleted journal's rows are removed, so it starts
/// again at 0), its generation (bumped by every replace, i.e. the number of compactions) and the sequence its
/// next record gets. Records are keyed (journal, sequence): a writer that slipped past the version check still
/// collides on the key. A journal has at most one snapshot, stored with the sequence of the first record after
/// it; a replace deletes every record, so reads return the snapshot and then the records from its sequence on.
/// Every blob carries <see cref="JournalRecordCodec"/>'s header and checksum.
/// </summary>
internal static class SqliteSchema
{
    public const int FormatVersion = 1;

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS storage_meta (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL);
        INSERT OR IGNORE INTO storage_meta (name, value) VALUES ('format', 1), ('sync', 0);
        CREATE TABLE IF NOT EXISTS journals (
            id INTEGER PRIMARY KEY,
            grain_type TEXT NOT NULL,
            grain_key BLOB NOT NULL,
            state_name TEXT NOT NULL,
            generation INTEGER NOT NULL,
            version INTEGER NOT NULL,
            next_seq INTEGER NOT NULL,
            UNIQUE (grain_type, grain_key, state_name));
        CREATE TABLE IF NOT EXISTS records (
            journal_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (journal_id, seq));
        CREATE TABLE IF NOT EXISTS snapshots (
            journal_id INTEGER PRIMARY KEY,
            generation INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            payload BLOB NOT NULL);
        """;

    public const string ReadSql = """
        WITH j AS (SELECT id, version, next_seq FROM journals WHERE grain_type = $type AND grain_key = $key AND state_name = $state)
        SELECT 0, version, next_seq, NULL FROM j
        UNION ALL
        SELECT 1, s.seq, s.generation, s.payload FROM snapshots s JOIN j ON s.journal_id = j.id
        UNION ALL
        SELECT 2, r.seq, 0, r.payload FROM records r JOIN j ON r.journal_id = j.id
        ORDER BY 1, 2
        """;

    public const string ListSql = "SELECT grain_type, grain_key, state_name, version FROM journals WHERE $type IS NULL OR grain_type = $type ORDER BY id";

    /// <summary>Creates the tables when missing; only reads when they exist, so a store locked by a writer can still be opened for reading.</summary>
    public static void EnsureCreated(SqliteConnection connection)
    {
        if (ReadFormat(connection) is not { } format)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = CreateSql;
                create.ExecuteNonQuery();
            }

            transaction.Commit();
            format = ReadFormat(connection) ?? FormatVersion;
        }

        if (format > FormatVersion)
        {
            throw new JournalStorageException(
                $"The SQLite journal database '{connection.DataSource}' has format {format.ToString(CultureInfo.InvariantCulture)}; this build reads format {FormatVersion.ToString(CultureInfo.InvariantCulture)} and older.",
                JournalStorageFailure.Failed,
                outcomeUnknown: false,
                innerException: null);
        }
    }

    private static long? ReadFormat(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'storage_meta'";
        if (command.ExecuteScalar() is null)
        {
            return null;
        }

        command.CommandText = "SELECT value FROM storage_meta WHERE name = 'format'";
        return command.ExecuteScalar() is long format ? format : null;
    }
}
