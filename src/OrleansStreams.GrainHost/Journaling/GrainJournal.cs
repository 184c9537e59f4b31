using System.Globalization;

namespace OrleansStreams.GrainHost;

/// <summary>
/// An activation's journal for one state name. Every write names the version this journal last saw, so a stale
/// writer (a second activation, another process) fails with <see cref="InconsistentStateException"/>. Any failed
/// write leaves an uncertain outcome, so the journal is then fenced until <see cref="RecoverAsync"/> replays it
/// (inside a grain the runtime deactivates the activation instead). One storage write is in flight at a time;
/// records appended meanwhile go to the next batch. Each commit is one independent storage call, which lets a
/// storage implementation group-commit calls arriving from many grains at once. Not thread-safe: use it from
/// the activation's turns.
/// </summary>
public sealed class GrainJournal : IGrainJournal
{
    private readonly IJournalStorage _storage;
    private readonly GrainId _grainId;
    private readonly string _stateName;
    private readonly Action<Exception>? _onWriteFailed;
    private JournalRecordBuffer _buffer = new();
    private JournalRecordBuffer _spare = new();
    private bool _writing;
    private TaskCompletionSource? _writeDone;
    private Exception? _fault;

    public GrainJournal(IJournalStorage storage, GrainId grainId, string stateName)
        : this(storage, grainId, stateName, onWriteFailed: null)
    {
    }

    internal GrainJournal(IJournalStorage storage, GrainId grainId, string stateName, Action<Exception>? onWriteFailed)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(stateName);
        _storage = storage;
        _grainId = grainId;
        _stateName = stateName;
        _onWriteFailed = onWriteFailed;
    }

    public long RecordsSinceSnapshot { get; private set; }

    /// <summary>The storage version the next write expects.</summary>
    public long Version { get; private set; }

    /// <summary>Records appended and not yet handed to storage.</summary>
    public int BufferedRecords => _buffer.Count;

    public async Task RecoverAsync(Action<ReadOnlyMemory<byte>> applySnapshot, Action<ReadOnlyMemory<byte>> applyRecord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applySnapshot);
        ArgumentNullException.ThrowIfNull(applyRecord);
        await WaitForWriteAsync();
        var journal = await _storage.ReadAsync(_grainId, _stateName, cancellationToken);
        if (journal.Snapshot is { } snapshot)
        {
            applySnapshot(snapshot);
        }

        foreach (var record in journal.Records)
        {
            applyRecord(record);
        }

        Version = journal.Version;
        RecordsSinceSnapshot = journal.Records.Count;
        _buffer.Clear();
        // The in-memory state now matches storage again.
        _fault = null;
    }

    public void Append(ReadOnlySpan<byte> record)
    {
        ThrowIfFenced();
        _buffer.Add(record);
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_fault is not null)
        {
            return ValueTask.FromException(FencedException());
        }

        if (_writing)
        {
            return CommitAfterWriteAsync(cancellationToken);
        }

        return _buffer.Count == 0 ? default : CommitBufferedAsync(cancellationToken);
    }

    private async ValueTask CommitAfterWriteAsync(CancellationToken cancellationToken)
    {
        // Whoever resumes first writes everything buffered so far; the others find it in flight and wait for it.
        await WaitForWriteAsync();
        ThrowIfFenced();
        if (_buffer.Count > 0)
        {
            await CommitBufferedAsync(cancellationToken);
        }
    }

    private async ValueTask CommitBufferedAsync(CancellationToken cancellationToken)
    {
        var batch = _buffer;
        _buffer = _spare;
        _writing = true;
        try
        {
            Version = await _storage.AppendAsync(_grainId, _stateName, batch.Records, Version, cancellationToken);
            RecordsSinceSnapshot += batch.Count;
        }
        catch (Exception exception)
        {
            Fence(exception);
            throw;
        }
        finally
        {
            batch.Clear();
            _spare = batch;
            EndWrite();
        }
    }

    public async ValueTask SnapshotAsync(ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken = default)
    {
        await WaitForWriteAsync();
        ThrowIfFenced();
        // The snapshot already contains what was appended so far; later appends belong after it.
        _buffer.Clear();
        _writing = true;
        try
        {
            Version = await _storage.ReplaceAsync(_grainId, _stateName, snapshot, Version, cancellationToken);
            RecordsSinceSnapshot = 0;
        }
        catch (Exception exception)
        {
            Fence(exception);
            throw;
        }
        finally
        {
            EndWrite();
        }
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        await WaitForWriteAsync();
        ThrowIfFenced();
        _buffer.Clear();
        _writing = true;
        try
        {
            await _storage.DeleteAsync(_grainId, _stateName, Version, cancellationToken);
            Version = 0;
            RecordsSinceSnapshot = 0;
        }
        catch (Exception exception)
        {
            Fence(exception);
            throw;
        }
        finally
        {
            EndWrite();
        }
    }

    private async ValueTask WaitForWriteAsync()
    {
        while (_writing)
        {
            _writeDone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _writeDone.Task;
        }
    }

    private void EndWrite()
    {
        _writing = false;
        var waiters = _writeDone;
        _writeDone = null;
        waiters?.TrySetResult();
    }

    private void Fence(Exception exception)
    {
        _fault = exception;
        _onWriteFailed?.Invoke(exception);
    }

    private void ThrowIfFenced()
    {
        if (_fault is not null)
        {
            throw FencedException();
        }
    }

    private Exception FencedException()
    {
        // Keep the conflict type, so a caller (and the runtime) still sees it as a stale-state error.
        var message = $"Journal '{_stateName}' of {_grainId} is fenced after a failed write; recover it before writing again.";
        return _fault is InconsistentStateException conflict
            ? new InconsistentStateException(message, conflict.StoredEtag, conflict.CurrentEtag)
            : new InvalidOperationException(message, _fault);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Journal {_stateName} of {_grainId} at version {Version}");
}
