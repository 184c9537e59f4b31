using Npgsql;
using NpgsqlTypes;

namespace OrleansStreams.Storage;

/// <summary>
/// The PostgreSQL side of the group-commit writer: one dedicated, unpooled connection (a fresh one after any
/// failure) with synchronous_commit on (Always: COMMIT returns once the WAL is flushed) or off (Everysec, None:
/// COMMIT returns once the commit is in the server's WAL buffers, visible to everyone and safe from a crash of
/// this process, but not yet from a server crash). A batch is BEGIN, one pipelined round trip of one statement
/// per write, COMMIT. <see cref="SyncAsync"/> commits a one-row update with synchronous_commit on, which
/// flushes the WAL up to it and so every commit before it.
/// </summary>
internal sealed class PostgresJournalWriter(NpgsqlDataSource dataSource, PostgresSql sql, PostgresSchema schema, DurabilityMode durability, string description)
    : IJournalWriteBackend
{
    private NpgsqlConnection? _connection;

    public string Description { get; } = description;

    public string DatabaseSystem => "postgresql";

    public async Task ExecuteAsync(IReadOnlyList<JournalWrite> writes)
    {
        var connection = await OpenAsync().ConfigureAwait(false);
        NpgsqlTransaction transaction;
        try
        {
            transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            throw PostgresErrors.ToBatchException(exception, Description, committing: false);
        }

        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var write in writes)
            {
                batch.BatchCommands.Add(Command(write));
            }

            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            for (var i = 0; i < writes.Count; i++)
            {
                if ((i > 0 && !await reader.NextResultAsync().ConfigureAwait(false)) || !await reader.ReadAsync().ConfigureAwait(false))
                {
                    throw new InvalidOperationException("A journal statement returned no outcome row.");
                }

                var newVersion = await reader.IsDBNullAsync(0).ConfigureAwait(false) ? (long?)null : reader.GetInt64(0);
                var storedVersion = await reader.IsDBNullAsync(1).ConfigureAwait(false) ? (long?)null : reader.GetInt64(1);
                SetOutcome(writes[i], newVersion, storedVersion);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
            throw PostgresErrors.ToBatchException(exception, Description, committing: false);
        }

        try
        {
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            throw PostgresErrors.ToBatchException(exception, Description, committing: true);
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void SetOutcome(JournalWrite write, long? newVersion, long? storedVersion)
    {
        if (newVersion is { } version)
        {
            write.SetApplied(version);
        }
        else if (write.Kind == JournalWriteKind.Delete && storedVersion is null && write.ExpectedVersion == 0)
        {
            // A missing journal is at version 0: deleting it "at version 0" succeeds and changes nothing.
            write.SetApplied(0);
        }
        else
        {
            write.SetConflict(storedVersion ?? 0);
        }
    }

    private NpgsqlBatchCommand Command(JournalWrite write)
    {
        var isNew = write.ExpectedVersion == 0;
        var command = new NpgsqlBatchCommand(write.Kind switch
        {
            JournalWriteKind.Append => isNew ? sql.AppendNew : sql.Append,
            JournalWriteKind.Replace => isNew ? sql.ReplaceNew : sql.Replace,
            _ => sql.Delete,
        });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.GrainId.Type, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = write.GrainKey, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.StateName, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = write.ExpectedVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        switch (write.Kind)
        {
            case JournalWriteKind.Append:
                command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = write.Records, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
                break;
            case JournalWriteKind.Replace:
                command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = write.Snapshot!, NpgsqlDbType = NpgsqlDbType.Bytea });
                break;
        }

        return command;
    }

    public async Task SyncAsync()
    {
        var connection = await OpenAsync().ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { new NpgsqlBatchCommand("SET LOCAL synchronous_commit TO on"), new NpgsqlBatchCommand(sql.Sync) },
            };
            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            throw PostgresErrors.ToBatchException(exception, Description, committing: false);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await schema.EnsureCreatedAsync(connection, CancellationToken.None).ConfigureAwait(false);
            await using (var setup = new NpgsqlCommand($"SET synchronous_commit TO {(durability == DurabilityMode.Always ? "on" : "off")}", connection))
            {
                await setup.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            _connection = connection;
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            // Not worth a retry: a new connection is what just failed.
            throw new JournalBatchException(PostgresErrors.ToStorageException(exception, Description), JournalBatchFailureScope.Store);
        }
        catch (JournalStorageException exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new JournalBatchException(exception, JournalBatchFailureScope.Store);
        }
    }

    private static async Task RollbackQuietlyAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
        {
            // The connection is gone or broken; it is reset by the writer and the server drops the transaction.
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask ResetAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => ResetAsync();
}
