using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

/// <summary>
/// Journals in PostgreSQL tables (one schema). Writes from all grains go through one group-commit writer on a
/// dedicated connection; reads use a connection pool and retry once on a fresh connection when a pooled one
/// died (server restart). See <see cref="DurabilityMode"/> for when a write is acknowledged. Any number of
/// silos may share the database: every write is checked against the stored version.
/// </summary>
public sealed class PostgresJournalStorage : IJournalStorage, IJournalCatalog, IAsyncDisposable, IDisposable
{
    private const string DefaultApplicationName = "orleansstreams-journal";

    private readonly PostgresJournalStorageOptions _options;
    private readonly NpgsqlDataSource _readSource;
    private readonly NpgsqlDataSource _writeSource;
    private readonly PostgresSql _sql;
    private readonly PostgresSchema _schema;
    private readonly GroupCommitWriter _writer;
    private readonly JournalStorageInstruments _instruments;
    private readonly string _description;
    private int _disposed;

    public PostgresJournalStorage(PostgresJournalStorageOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = DefaultApplicationName;
        }

        _description = $"PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port} (schema {options.Schema})";
        _readSource = NpgsqlDataSource.Create(builder.ConnectionString);
        // The writer's connection is its own, never a pooled one that may have died with a server restart.
        builder.Pooling = false;
        if (builder.MaxAutoPrepare == 0)
        {
            // The writer sends the same few statements all the time: prepared once, they skip parsing and planning.
            builder.MaxAutoPrepare = 16;
        }

        _writeSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _sql = new PostgresSql(options.Schema);
        _schema = new PostgresSchema(_sql);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgresJournalStorage>();
        _instruments = new JournalStorageInstruments("postgresql", meterFactory);
        var backend = new PostgresJournalWriter(_writeSource, _sql, _schema, options.Durability, _description);
        _writer = new GroupCommitWriter(backend, options, timeProvider ?? TimeProvider.System, logger, _instruments);
        StorageLog.Opened(logger, _description, options.Durability);
    }

    public DurabilityMode Durability => _options.Durability;

    public string Schema => _options.Schema;

    public JournalCommitStatistics Statistics => _writer.Statistics;

    public async Task<JournalReadResult> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        var key = GrainKeyCodec.Encode(grainId.Key);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand(_sql.Read, connection);
                AddIdentity(command, grainId, key, stateName);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var journal = new JournalReadBuilder(grainId, stateName);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    switch (reader.GetInt32(0))
                    {
                        case 0:
                            journal.SetJournal(reader.GetInt64(1), reader.GetInt64(2));
                            break;
                        case 1:
                            journal.SetSnapshot(reader.GetInt64(1), reader.GetFieldValue<byte[]>(3));
                            break;
                        default:
                            journal.AddRecord(reader.GetInt64(1), reader.GetFieldValue<byte[]>(3));
                            break;
                    }
                }

                return journal.Build();
            }
            catch (Exception exception) when (attempt == 0 && !cancellationToken.IsCancellationRequested && PostgresErrors.IsConnectionLoss(exception))
            {
                // Reads are idempotent: drop the pool's idle connections (they died together) and try once more.
                _readSource.Clear();
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                throw PostgresErrors.ToStorageException(exception, _description);
            }
        }
    }

    public Task<long> AppendAsync(GrainId grainId, string stateName, IReadOnlyList<ReadOnlyMemory<byte>> records, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(records);
        return _writer.WriteAsync(JournalWrite.Append(grainId, stateName, records, expectedVersion), cancellationToken);
    }

    public Task<long> ReplaceAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> snapshot, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        return _writer.WriteAsync(JournalWrite.Replace(grainId, stateName, snapshot, expectedVersion), cancellationToken);
    }

    public Task DeleteAsync(GrainId grainId, string stateName, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        return _writer.WriteAsync(JournalWrite.Delete(grainId, stateName, expectedVersion), cancellationToken);
    }

    /// <summary>Connects and creates the schema if needed, so a wrong connection string fails start-up instead of the first request.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrors.ToStorageException(exception, _description);
        }
    }

    /// <summary>Waits for every write queued so far, then flushes committed writes to disk (a no-op cost in Always).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    public async IAsyncEnumerable<JournalDescriptor> ListAsync(string? grainType = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection;
        NpgsqlCommand command;
        NpgsqlDataReader reader;
        try
        {
            connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
            command = new NpgsqlCommand(_sql.List, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)grainType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            throw PostgresErrors.ToStorageException(exception, _description);
        }

        await using (connection.ConfigureAwait(false))
        await using (command.ConfigureAwait(false))
        await using (reader.ConfigureAwait(false))
        {
            while (true)
            {
                JournalDescriptor descriptor;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    var grainId = new GrainId(reader.GetString(0), GrainKeyCodec.Decode(reader.GetFieldValue<byte[]>(1)));
                    descriptor = new JournalDescriptor(grainId, reader.GetString(2), reader.GetInt64(3));
                }
                catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
                {
                    throw PostgresErrors.ToStorageException(exception, _description);
                }

                yield return descriptor;
            }
        }
    }

    private async Task<NpgsqlConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = await _readSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _schema.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void AddIdentity(NpgsqlCommand command, GrainId grainId, byte[] key, string stateName)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName, NpgsqlDbType = NpgsqlDbType.Text });
    }

    /// <summary>Finishes queued writes, flushes (Everysec) and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        await _readSource.DisposeAsync().ConfigureAwait(false);
        await _writeSource.DisposeAsync().ConfigureAwait(false);
        _instruments.Dispose();
    }

    /// <summary>For containers disposed synchronously: blocks until <see cref="DisposeAsync"/> has finished.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
