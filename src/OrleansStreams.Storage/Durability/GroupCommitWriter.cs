using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.Storage;

/// <summary>
/// The single writer of one store. Writes from any number of grains queue here; one loop takes everything
/// queued (up to the batch limits), applies it in one transaction with one commit, and only then completes
/// each caller: with its new version, with a version conflict (which fails only that write), or with the
/// batch's storage error. A write is therefore acknowledged exactly when its transaction is committed — and,
/// in <see cref="DurabilityMode.Always"/>, flushed to disk by that commit. In Everysec the loop also flushes
/// whatever was committed since the last flush every <see cref="DatabaseJournalStorageOptions.SyncInterval"/>.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly IJournalWriteBackend _backend;
    private readonly DurabilityMode _durability;
    private readonly int _maxBatchWrites;
    private readonly int _maxBatchBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JournalStorageInstruments _instruments;
    private readonly Channel<JournalWrite> _queue = Channel.CreateUnbounded<JournalWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly Task _syncTimer;
    // Committed but not yet flushed to disk (never set in Always: its commits flush). Read by the sync timer.
    private int _dirty;
    private int _syncQueued;
    private int _disposed;

    public GroupCommitWriter(
        IJournalWriteBackend backend,
        DatabaseJournalStorageOptions options,
        TimeProvider time,
        ILogger logger,
        JournalStorageInstruments instruments)
    {
        _backend = backend;
        _durability = options.Durability;
        _maxBatchWrites = options.MaxBatchWrites;
        _maxBatchBytes = options.MaxBatchBytes;
        _time = time;
        _logger = logger;
        _instruments = instruments;
        _loop = Task.Run(RunAsync);
        // The timer is created here, not on the loop's thread, so its first interval starts with the store.
        _syncTimer = _durability == DurabilityMode.Everysec ? RunSyncTimerAsync(new PeriodicTimer(options.SyncInterval, time)) : Task.CompletedTask;
    }

    public JournalCommitStatistics Statistics { get; } = new();

    public Task<long> WriteAsync(JournalWrite write, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            return Task.FromException<long>(new ObjectDisposedException(GetType().Name, $"The journal storage on {_backend.Description} is closed."));
        }

        write.CancelWhileQueued(cancellationToken);
        return write.Completion;
    }

    private async Task RunAsync()
    {
        var batch = new List<JournalWrite>();
        var flushes = new List<JournalWrite>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                TakeBatch(reader, batch, flushes);
                if (batch.Count > 0)
                {
                    await CommitAsync(batch).ConfigureAwait(false);
                }

                if (flushes.Count > 0)
                {
                    await FlushAsync(flushes).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                // A bug, not a database error (those are classified below): fail what is in hand, keep the loop alive.
                StorageLog.WriterLoopFailed(_logger, _backend.Description, exception);
                var error = new JournalStorageException($"The journal writer of {_backend.Description} failed: {exception.Message}", JournalStorageFailure.Failed, outcomeUnknown: true, exception);
                foreach (var write in batch)
                {
                    write.Fail(error);
                }

                foreach (var flush in flushes)
                {
                    flush.Fail(error);
                }

                await ResetQuietlyAsync().ConfigureAwait(false);
            }
            finally
            {
                batch.Clear();
                flushes.Clear();
            }
        }

        if (_durability == DurabilityMode.Everysec && Volatile.Read(ref _dirty) == 1)
        {
            // Shutting down: flush what Everysec acknowledged but had not flushed yet.
            await TrySyncAsync().ConfigureAwait(false);
        }
    }

    private void TakeBatch(ChannelReader<JournalWrite> reader, List<JournalWrite> batch, List<JournalWrite> flushes)
    {
        var bytes = 0;
        while (batch.Count < _maxBatchWrites && bytes < _maxBatchBytes && reader.TryRead(out var write))
        {
            if (!write.TryTake())
            {
                continue;
            }

            if (write.Kind == JournalWriteKind.Flush)
            {
                // A flush covers the writes queued before it; later ones go to the next batch.
                flushes.Add(write);
                return;
            }

            batch.Add(write);
            bytes += write.PayloadBytes;
        }
    }

    private async Task CommitAsync(List<JournalWrite> batch)
    {
        var started = _time.GetTimestamp();
        using var activity = JournalStorageInstruments.StartCommit(batch);
        activity?.SetTag("db.system", _backend.DatabaseSystem);
        activity?.SetTag("orleansstreams.journal.batch.size", batch.Count);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                foreach (var write in batch)
                {
                    write.ResetOutcome();
                }

                await _backend.ExecuteAsync(batch).ConfigureAwait(false);
                Committed(batch, _time.GetElapsedTime(started));
                return;
            }
            catch (JournalBatchException exception) when (exception.Scope == JournalBatchFailureScope.ConnectionLost && attempt == 0)
            {
                // Nothing was committed, so one retry on a new connection is safe (a server restart leaves dead pooled connections).
                StorageLog.RetryingOnNewConnection(_logger, _backend.Description, exception);
                await ResetQuietlyAsync().ConfigureAwait(false);
            }
            catch (JournalBatchException exception) when (exception.Scope == JournalBatchFailureScope.Statement && batch.Count > 1)
            {
                StorageLog.IsolatingWrites(_logger, _backend.Description, batch.Count, exception);
                await ApplyOneByOneAsync(batch).ConfigureAwait(false);
                return;
            }
            catch (JournalBatchException exception)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                await FailAsync(batch, 0, exception).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task ApplyOneByOneAsync(List<JournalWrite> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            var started = _time.GetTimestamp();
            try
            {
                write.ResetOutcome();
                await _backend.ExecuteAsync([write]).ConfigureAwait(false);
                Committed([write], _time.GetElapsedTime(started));
            }
            catch (JournalBatchException exception) when (exception.Scope == JournalBatchFailureScope.Statement)
            {
                Statistics.RecordFailure();
                _instruments.Failed();
                write.Fail(exception.IsConflict ? write.Conflict() : CopyFor(exception.Error));
            }
            catch (JournalBatchException exception)
            {
                // The store itself is failing now: the rest would fail the same way, so do not try them one by one.
                await FailAsync(batch, i, exception).ConfigureAwait(false);
                return;
            }
        }
    }

    private void Committed(IReadOnlyList<JournalWrite> writes, TimeSpan duration)
    {
        var records = 0;
        foreach (var write in writes)
        {
            if (write.IsApplied)
            {
                records += write.Records.Length;
            }
        }

        if (_durability != DurabilityMode.Always)
        {
            Volatile.Write(ref _dirty, 1);
        }

        Statistics.RecordBatch(writes.Count, records);
        _instruments.BatchCommitted(writes.Count, duration);
        foreach (var write in writes)
        {
            write.Complete();
        }
    }

    private async Task FailAsync(List<JournalWrite> batch, int from, JournalBatchException exception)
    {
        StorageLog.BatchFailed(_logger, _backend.Description, batch.Count - from, exception.Error);
        Statistics.RecordFailure();
        _instruments.Failed();
        if (exception.Scope != JournalBatchFailureScope.Statement)
        {
            await ResetQuietlyAsync().ConfigureAwait(false);
        }

        for (var i = from; i < batch.Count; i++)
        {
            batch[i].Fail(batch.Count - from == 1 && exception.IsConflict ? batch[i].Conflict() : CopyFor(exception.Error));
        }
    }

    private async Task FlushAsync(List<JournalWrite> flushes)
    {
        Volatile.Write(ref _syncQueued, 0);
        Exception? failure = null;
        if (Volatile.Read(ref _dirty) == 1)
        {
            failure = await TrySyncAsync().ConfigureAwait(false);
        }

        foreach (var flush in flushes)
        {
            if (failure is null)
            {
                flush.SetApplied(0);
                flush.Complete();
            }
            else
            {
                flush.Fail(failure);
            }
        }
    }

    private async Task<Exception?> TrySyncAsync()
    {
        try
        {
            // Cleared first: a write committed during the sync marks the store dirty again.
            Volatile.Write(ref _dirty, 0);
            await _backend.SyncAsync().ConfigureAwait(false);
            Statistics.RecordSync();
            _instruments.Synced();
            return null;
        }
        catch (Exception exception)
        {
            var error = exception is JournalBatchException batchException
                ? CopyFor(batchException.Error)
                : new JournalStorageException($"Flushing {_backend.Description} failed: {exception.Message}", JournalStorageFailure.Failed, outcomeUnknown: false, exception);
            Volatile.Write(ref _dirty, 1);
            StorageLog.SyncFailed(_logger, _backend.Description, error);
            Statistics.RecordFailure();
            _instruments.Failed();
            await ResetQuietlyAsync().ConfigureAwait(false);
            return error;
        }
    }

    private async Task RunSyncTimerAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                if (Volatile.Read(ref _dirty) == 1 && Interlocked.Exchange(ref _syncQueued, 1) == 0)
                {
                    var flush = JournalWrite.Flush();
                    if (!_queue.Writer.TryWrite(flush))
                    {
                        return;
                    }

                    // Failures are logged by the loop; nobody awaits a periodic flush.
                    _ = flush.Completion.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            timer.Dispose();
        }
    }

    private async Task ResetQuietlyAsync()
    {
        try
        {
            await _backend.ResetAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            StorageLog.WriterLoopFailed(_logger, _backend.Description, exception);
        }
    }

    // Each caller gets its own exception object: one instance rethrown from many awaits would share a stack trace.
    private static JournalStorageException CopyFor(JournalStorageException error)
        => new(error.Message, error.Failure, error.OutcomeUnknown, error.InnerException);

    /// <summary>Queues a flush behind every write queued so far and waits for it (and for those writes).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => WriteAsync(JournalWrite.Flush(), cancellationToken);

    /// <summary>Stops taking writes, finishes the queued ones, flushes (Everysec) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _syncTimer.ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _backend.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
