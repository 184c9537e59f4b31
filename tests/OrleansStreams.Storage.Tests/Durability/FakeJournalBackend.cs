using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>
/// An in-memory backend for the writer loop: applies batches all-or-nothing, can hold a batch at a gate, and
/// fails batches or single writes on request, so the loop's batching and failure rules are tested exactly.
/// </summary>
internal sealed class FakeJournalBackend : IJournalWriteBackend
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), long> _versions = [];
    private readonly Queue<JournalBatchException> _batchFailures = new();
    private TaskCompletionSource? _gate;
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Description => "fake store";

    public string DatabaseSystem => "fake";

    public List<int> CommittedBatchSizes { get; } = [];

    public int Calls { get; private set; }

    public int Syncs { get; private set; }

    public int Resets { get; private set; }

    /// <summary>A statement failure for one write, or null to apply it.</summary>
    public Func<JournalWrite, JournalBatchException?>? FailWrite { get; set; }

    public JournalBatchException? FailSync { get; set; }

    /// <summary>Makes the next batch wait at the gate until <see cref="OpenGate"/>; <see cref="BatchEntered"/> then waits for that batch.</summary>
    public void CloseGate()
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void OpenGate() => _gate?.TrySetResult();

    /// <summary>Completes once a batch has been handed to the backend (it may be waiting at the gate).</summary>
    public Task BatchEntered => _entered.Task.WaitAsync(TestTimeouts.Default);

    public void FailNextBatch(JournalBatchFailureScope scope, bool outcomeUnknown = false)
        => _batchFailures.Enqueue(new JournalBatchException(
            new JournalStorageException($"fake {scope} failure", JournalStorageFailure.Unavailable, outcomeUnknown, innerException: null),
            scope));

    public long VersionOf(GrainId id, string state)
    {
        lock (_lock)
        {
            return _versions.GetValueOrDefault((id, state));
        }
    }

    public async Task ExecuteAsync(IReadOnlyList<JournalWrite> writes)
    {
        Calls++;
        var gate = _gate;
        _entered.TrySetResult();
        if (gate is not null)
        {
            await gate.Task;
            _gate = null;
        }

        if (_batchFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        lock (_lock)
        {
            var staged = new Dictionary<(GrainId, string), long>(_versions);
            foreach (var write in writes)
            {
                if (FailWrite?.Invoke(write) is { } statementFailure)
                {
                    throw statementFailure;
                }

                var key = (write.GrainId, write.StateName);
                var stored = staged.GetValueOrDefault(key);
                if (stored != write.ExpectedVersion)
                {
                    write.SetConflict(stored);
                    continue;
                }

                staged[key] = write.Kind == JournalWriteKind.Delete ? 0 : stored + 1;
                write.SetApplied(staged[key]);
            }

            _versions.Clear();
            foreach (var (key, version) in staged)
            {
                _versions[key] = version;
            }

            CommittedBatchSizes.Add(writes.Count);
        }
    }

    public Task SyncAsync()
    {
        if (FailSync is { } failure)
        {
            FailSync = null;
            return Task.FromException(failure);
        }

        Syncs++;
        return Task.CompletedTask;
    }

    public ValueTask ResetAsync()
    {
        Resets++;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
