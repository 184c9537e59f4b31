using Microsoft.Data.Sqlite;

namespace OrleansStreams.Storage;

/// <summary>
/// The SQLite side of the group-commit writer: one dedicated connection (reopened after a failure) that applies
/// a batch inside BEGIN IMMEDIATE ... COMMIT. synchronous=FULL (Always) makes each commit fsync the WAL;
/// NORMAL (Everysec) and OFF (None) leave the WAL in the OS cache, and <see cref="SyncAsync"/> forces it to disk
/// by committing a one-row transaction under synchronous=FULL (an fsync of the WAL covers every earlier commit).
/// </summary>
internal sealed class SqliteJournalWriter : IJournalWriteBackend
{
    private readonly SqliteJournalStorageOptions _options;
    private readonly string _connectionString;
    private readonly string _synchronous;
    private SqliteConnection? _connection;
    private SqliteCommand? _find;
    private SqliteCommand? _createJournal;
    private SqliteCommand? _insertRecord;
    private SqliteCommand? _updateJournal;
    private SqliteCommand? _deleteRecords;
    private SqliteCommand? _upsertSnapshot;
    private SqliteCommand? _deleteSnapshot;
    private SqliteCommand? _deleteJournal;
    private long _syncCount;

    public SqliteJournalWriter(SqliteJournalStorageOptions options, string connectionString)
    {
        _options = options;
        _connectionString = connectionString;
        _synchronous = options.Durability switch
        {
            DurabilityMode.Always => "FULL",
            DurabilityMode.Everysec => "NORMAL",
            _ => "OFF",
        };
        Description = $"SQLite database '{options.DatabasePath}'";
    }

    public string Description { get; }

    public string DatabaseSystem => "sqlite";

    public Task ExecuteAsync(IReadOnlyList<JournalWrite> writes)
    {
        SqliteTransaction transaction;
        try
        {
            transaction = Open().BeginTransaction(deferred: false);
        }
        catch (SqliteException exception)
        {
            return Task.FromException(SqliteErrors.ToBatchException(exception, Description, _options.BusyTimeoutSeconds, committing: false));
        }
        catch (JournalBatchException exception)
        {
            return Task.FromException(exception);
        }

        using (transaction)
        {
            try
            {
                foreach (var write in writes)
                {
                    Apply(write, transaction);
                }
            }
            catch (SqliteException exception)
            {
                var failure = SqliteErrors.ToBatchException(exception, Description, _options.BusyTimeoutSeconds, committing: false);
                if (!TryRollback(transaction) && failure.Scope == JournalBatchFailureScope.Statement)
                {
                    // The connection is in an unknown state: treat it as a store failure so it is reopened.
                    failure = new JournalBatchException(failure.Error, JournalBatchFailureScope.Store);
                }

                return Task.FromException(failure);
            }

            try
            {
                transaction.Commit();
                return Task.CompletedTask;
            }
            catch (SqliteException exception)
            {
                return Task.FromException(SqliteErrors.ToBatchException(exception, Description, _options.BusyTimeoutSeconds, committing: true));
            }
        }
    }

    private void Apply(JournalWrite write, SqliteTransaction transaction)
    {
        var found = Find(write, transaction, out var id, out var version, out var generation, out var nextSequence);
        if (write.Kind == JournalWriteKind.Delete)
        {
            if (!found || version != write.ExpectedVersion)
            {
                // A missing journal is at version 0, so deleting it "at version 0" succeeds and changes nothing.
                if (found || write.ExpectedVersion != 0)
                {
                    write.SetConflict(found ? version : 0);
                }
                else
                {
                    write.SetApplied(0);
                }

                return;
            }

            Execute(_deleteRecords!, transaction, id);
            Execute(_deleteSnapshot!, transaction, id);
            Execute(_deleteJournal!, transaction, id);
            write.SetApplied(0);
            return;
        }

        if (found ? version != write.ExpectedVersion : write.ExpectedVersion != 0)
        {
            write.SetConflict(found ? version : 0);
            return;
        }

        if (!found)
        {
            id = CreateJournal(write, transaction);
        }

        if (write.Kind == JournalWriteKind.Append)
        {
            var insert = _insertRecord!;
            insert.Transaction = transaction;
            insert.Parameters[0].Value = id;
            for (var i = 0; i < write.Records.Length; i++)
            {
                insert.Parameters[1].Value = nextSequence + i;
                insert.Parameters[2].Value = write.Records[i];
                insert.ExecuteNonQuery();
            }

            nextSequence += write.Records.Length;
        }
        else
        {
            // Replace: the snapshot stands for everything so far; the next record continues the sequence after it.
            generation++;
            Execute(_deleteRecords!, transaction, id);
            var upsert = _upsertSnapshot!;
            upsert.Transaction = transaction;
            upsert.Parameters[0].Value = id;
            upsert.Parameters[1].Value = generation;
            upsert.Parameters[2].Value = nextSequence;
            upsert.Parameters[3].Value = write.Snapshot!;
            upsert.ExecuteNonQuery();
        }

        var update = _updateJournal!;
        update.Transaction = transaction;
        update.Parameters[0].Value = id;
        update.Parameters[1].Value = version + 1;
        update.Parameters[2].Value = generation;
        update.Parameters[3].Value = nextSequence;
        update.ExecuteNonQuery();
        write.SetApplied(version + 1);
    }

    private bool Find(JournalWrite write, SqliteTransaction transaction, out long id, out long version, out long generation, out long nextSequence)
    {
        var find = _find!;
        find.Transaction = transaction;
        find.Parameters[0].Value = write.GrainId.Type;
        find.Parameters[1].Value = write.GrainKey;
        find.Parameters[2].Value = write.StateName;
        using var reader = find.ExecuteReader();
        if (!reader.Read())
        {
            id = version = generation = nextSequence = 0;
            return false;
        }

        id = reader.GetInt64(0);
        version = reader.GetInt64(1);
        generation = reader.GetInt64(2);
        nextSequence = reader.GetInt64(3);
        return true;
    }

    private long CreateJournal(JournalWrite write, SqliteTransaction transaction)
    {
        var create = _createJournal!;
        create.Transaction = transaction;
        create.Parameters[0].Value = write.GrainId.Type;
        create.Parameters[1].Value = write.GrainKey;
        create.Parameters[2].Value = write.StateName;
        return (long)create.ExecuteScalar()!;
    }

    private static void Execute(SqliteCommand command, SqliteTransaction transaction, long journalId)
    {
        command.Transaction = transaction;
        command.Parameters[0].Value = journalId;
        command.ExecuteNonQuery();
    }

    public Task SyncAsync()
    {
        try
        {
            var connection = Open();
            Pragma(connection, "synchronous = FULL");
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                using var mark = connection.CreateCommand();
                mark.Transaction = transaction;
                mark.CommandText = "UPDATE storage_meta SET value = $n WHERE name = 'sync'";
                mark.Parameters.AddWithValue("$n", ++_syncCount);
                mark.ExecuteNonQuery();
                transaction.Commit();
            }

            Pragma(connection, $"synchronous = {_synchronous}");
            return Task.CompletedTask;
        }
        catch (SqliteException exception)
        {
            return Task.FromException(SqliteErrors.ToBatchException(exception, Description, _options.BusyTimeoutSeconds, committing: false));
        }
        catch (JournalBatchException exception)
        {
            return Task.FromException(exception);
        }
    }

    private SqliteConnection Open()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_options.DatabasePath)!);
            connection = new SqliteConnection(_connectionString);
            connection.Open();
            var mode = Pragma(connection, "journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new JournalBatchException(
                    new JournalStorageException($"The journal {Description} could not switch to WAL mode (it reports '{mode}').", JournalStorageFailure.Unavailable, outcomeUnknown: false, innerException: null),
                    JournalBatchFailureScope.Store);
            }

            Pragma(connection, $"synchronous = {_synchronous}");
            if (_options.MaxDatabaseSizeBytes is { } maxBytes)
            {
                var pageSize = Convert.ToInt64(Pragma(connection, "page_size"), System.Globalization.CultureInfo.InvariantCulture);
                Pragma(connection, $"max_page_count = {maxBytes / pageSize}");
            }

            SqliteSchema.EnsureCreated(connection);
            PrepareCommands(connection);
            _connection = connection;
            return connection;
        }
        catch (SqliteException exception)
        {
            connection?.Dispose();
            throw SqliteErrors.ToBatchException(exception, Description, _options.BusyTimeoutSeconds, committing: false);
        }
        catch (JournalStorageException exception)
        {
            connection?.Dispose();
            throw new JournalBatchException(exception, JournalBatchFailureScope.Store);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new JournalBatchException(
                new JournalStorageException($"The journal {Description} cannot be created. {exception.Message}", JournalStorageFailure.Unavailable, outcomeUnknown: false, exception),
                JournalBatchFailureScope.Store);
        }
    }

    private void PrepareCommands(SqliteConnection connection)
    {
        _find = Command(connection, "SELECT id, version, generation, next_seq FROM journals WHERE grain_type = $type AND grain_key = $key AND state_name = $state", "$type", "$key", "$state");
        _createJournal = Command(connection, "INSERT INTO journals (grain_type, grain_key, state_name, generation, version, next_seq) VALUES ($type, $key, $state, 0, 0, 0) RETURNING id", "$type", "$key", "$state");
        _insertRecord = Command(connection, "INSERT INTO records (journal_id, seq, payload) VALUES ($journal, $seq, $payload)", "$journal", "$seq", "$payload");
        _updateJournal = Command(connection, "UPDATE journals SET version = $version, generation = $generation, next_seq = $next WHERE id = $journal", "$journal", "$version", "$generation", "$next");
        _deleteRecords = Command(connection, "DELETE FROM records WHERE journal_id = $journal", "$journal");
        _upsertSnapshot = Command(
            connection,
            "INSERT INTO snapshots (journal_id, generation, seq, payload) VALUES ($journal, $generation, $seq, $payload) "
            + "ON CONFLICT (journal_id) DO UPDATE SET generation = excluded.generation, seq = excluded.seq, payload = excluded.payload",
            "$journal",
            "$generation",
            "$seq",
            "$payload");
        _deleteSnapshot = Command(connection, "DELETE FROM snapshots WHERE journal_id = $journal", "$journal");
        _deleteJournal = Command(connection, "DELETE FROM journals WHERE id = $journal", "$journal");
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static string? Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return command.ExecuteScalar()?.ToString();
    }

    private static bool TryRollback(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public ValueTask ResetAsync()
    {
        foreach (var command in new[] { _find, _createJournal, _insertRecord, _updateJournal, _deleteRecords, _upsertSnapshot, _deleteSnapshot, _deleteJournal })
        {
            command?.Dispose();
        }

        _find = _createJournal = _insertRecord = _updateJournal = _deleteRecords = _upsertSnapshot = _deleteSnapshot = _deleteJournal = null;
        _connection?.Dispose();
        _connection = null;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ResetAsync();
}
