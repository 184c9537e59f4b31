using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

/// <summary>
/// Journals in one SQLite file (WAL mode). Writes from all grains go through one group-commit writer and its
/// dedicated connection; reads use pooled connections of their own, so they keep working while a write waits
/// for a lock or the writer has failed. See <see cref="DurabilityMode"/> for when a write is acknowledged.
/// Two instances (or processes) on the same file are safe: every write is checked against the stored version.
/// </summary>
public sealed class SqliteJournalStorage : IJournalStorage, IJournalCatalog, IAsyncDisposable, IDisposable
{
    private readonly SqliteJournalStorageOptions _options;
    private readonly string _readConnectionString;
    private readonly GroupCommitWriter _writer;
    private readonly JournalStorageInstruments _instruments;
    private readonly string _description;
    private readonly Lock _schemaLock = new();
    private volatile bool _schemaReady;
    private int _disposed;

    public SqliteJournalStorage(SqliteJournalStorageOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        DatabasePath = options.DatabasePath;
        _description = $"SQLite database '{DatabasePath}'";
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = options.BusyTimeoutSeconds,
            Pooling = true,
        };
        _readConnectionString = builder.ToString();
        builder.Pooling = false;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteJournalStorage>();
        _instruments = new JournalStorageInstruments("sqlite", meterFactory);
        _writer = new GroupCommitWriter(new SqliteJournalWriter(options, builder.ToString()), options, timeProvider ?? TimeProvider.System, logger, _instruments);
        StorageLog.Opened(logger, _description, options.Durability);
    }

    public string DatabasePath { get; }

    public DurabilityMode Durability => _options.Durability;

    public JournalCommitStatistics Statistics => _writer.Statistics;

    public Task<JournalReadResult> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = OpenReader();
            using var command = connection.CreateCommand();
            command.CommandText = SqliteSchema.ReadSql;
            command.Parameters.AddWithValue("$type", grainId.Type);
            command.Parameters.AddWithValue("$key", GrainKeyCodec.Encode(grainId.Key));
            command.Parameters.AddWithValue("$state", stateName);
            using var reader = command.ExecuteReader();
            var journal = new JournalReadBuilder(grainId, stateName);
            while (reader.Read())
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

            return Task.FromResult(journal.Build());
        }
        catch (SqliteException exception)
        {
            return Task.FromException<JournalReadResult>(SqliteErrors.ToStorageException(exception, _description, _options.BusyTimeoutSeconds));
        }
        catch (Exception exception) when (exception is JournalStorageException or OperationCanceledException or ObjectDisposedException)
        {
            return Task.FromException<JournalReadResult>(exception);
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

    /// <summary>Opens the file and creates the tables if needed, so a bad path or a damaged file fails start-up instead of the first request.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            OpenReader().Dispose();
            return Task.CompletedTask;
        }
        catch (SqliteException exception)
        {
            return Task.FromException(SqliteErrors.ToStorageException(exception, _description, _options.BusyTimeoutSeconds));
        }
        catch (Exception exception) when (exception is JournalStorageException or OperationCanceledException or ObjectDisposedException)
        {
            return Task.FromException(exception);
        }
    }

    /// <summary>Waits for every write queued so far, then flushes committed writes to disk (a no-op cost in Always).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    public async IAsyncEnumerable<JournalDescriptor> ListAsync(string? grainType = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        SqliteConnection connection;
        SqliteCommand command;
        SqliteDataReader reader;
        try
        {
            connection = OpenReader();
            command = connection.CreateCommand();
            command.CommandText = SqliteSchema.ListSql;
            command.Parameters.AddWithValue("$type", (object?)grainType ?? DBNull.Value);
            reader = command.ExecuteReader();
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.ToStorageException(exception, _description, _options.BusyTimeoutSeconds);
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
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!reader.Read())
                    {
                        yield break;
                    }

                    var grainId = new GrainId(reader.GetString(0), GrainKeyCodec.Decode(reader.GetFieldValue<byte[]>(1)));
                    descriptor = new JournalDescriptor(grainId, reader.GetString(2), reader.GetInt64(3));
                }
                catch (SqliteException exception)
                {
                    throw SqliteErrors.ToStorageException(exception, _description, _options.BusyTimeoutSeconds);
                }

                yield return descriptor;
            }
        }
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_schemaReady)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new JournalStorageException($"The journal {_description} cannot be created. {exception.Message}", JournalStorageFailure.Unavailable, outcomeUnknown: false, exception);
            }
        }

        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            connection.Open();
            if (!_schemaReady)
            {
                lock (_schemaLock)
                {
                    SqliteSchema.EnsureCreated(connection);
                    _schemaReady = true;
                }
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Finishes queued writes, flushes (Everysec) and closes every connection to the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        using (var connection = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _instruments.Dispose();
    }

    /// <summary>For containers disposed synchronously: blocks until <see cref="DisposeAsync"/> has finished.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
