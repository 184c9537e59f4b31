using OrleansStreams.GrainHost;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// In-memory journals whose writes a test can hold (to see that no reply leaves before its write is stored) or
/// fail (to see that a failed write is never acknowledged). Reads always work.
/// </summary>
public sealed class ControlledJournalStorage : IJournalStorage
{
    private readonly MemoryJournalStorage _inner = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource? _gate;
    private TaskCompletionSource _writeArrived = NewSignal();

    private int _appends;

    /// <summary>Append calls that reached the store (each is one journal commit).</summary>
    public int Appends => Volatile.Read(ref _appends);

    /// <summary>When set, every write throws it instead of being stored.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Makes writes wait until <see cref="Release"/>; returns a task that completes when the next write arrives.</summary>
    public Task Hold()
    {
        lock (_lock)
        {
            _gate = NewSignal();
            _writeArrived = NewSignal();
            return _writeArrived.Task;
        }
    }

    public void Release()
    {
        TaskCompletionSource? gate;
        lock (_lock)
        {
            gate = _gate;
            _gate = null;
        }
        gate?.TrySetResult();
    }

    public Task<JournalReadResult> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
        => _inner.ReadAsync(grainId, stateName, cancellationToken);

    public async Task<long> AppendAsync(GrainId grainId, string stateName, IReadOnlyList<ReadOnlyMemory<byte>> records, long expectedVersion, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _appends);
        await BeforeWriteAsync();
        return await _inner.AppendAsync(grainId, stateName, records, expectedVersion, cancellationToken);
    }

    public async Task<long> ReplaceAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> snapshot, long expectedVersion, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync();
        return await _inner.ReplaceAsync(grainId, stateName, snapshot, expectedVersion, cancellationToken);
    }

    public async Task DeleteAsync(GrainId grainId, string stateName, long expectedVersion, CancellationToken cancellationToken)
    {
        await BeforeWriteAsync();
        await _inner.DeleteAsync(grainId, stateName, expectedVersion, cancellationToken);
    }

    private async Task BeforeWriteAsync()
    {
        Task? gate;
        lock (_lock)
        {
            _writeArrived.TrySetResult();
            gate = _gate?.Task;
        }
        if (gate is not null) await gate;
        if (Failure is { } failure) throw failure;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
