namespace OrleansStreams.Storage;

/// <summary>Counters of one store's writer loop (also published as metrics by <see cref="JournalStorageInstruments"/>).</summary>
public sealed class JournalCommitStatistics
{
    private long _batches;
    private long _writes;
    private long _records;
    private long _largestBatch;
    private long _syncs;
    private long _failedBatches;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Committed transactions that carried writes.</summary>
    public long Batches => Volatile.Read(ref _batches);

    /// <summary>Appends, replaces and deletes committed (conflicts included: they took part in a batch).</summary>
    public long Writes => Volatile.Read(ref _writes);

    /// <summary>Journal records inserted.</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>The most writes one committed transaction carried: above 1 means group commit happened.</summary>
    public long LargestBatch => Volatile.Read(ref _largestBatch);

    /// <summary>Explicit flushes to disk (Everysec's periodic one, FlushAsync, shutdown).</summary>
    public long Syncs => Volatile.Read(ref _syncs);

    public long FailedBatches => Volatile.Read(ref _failedBatches);

    /// <summary>Completes at the next change of any counter (read it before checking a condition, then await).</summary>
    internal Task NextChange => Volatile.Read(ref _changed).Task;

    internal void RecordBatch(int writes, int records)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writes, writes);
        Interlocked.Add(ref _records, records);
        long largest;
        while (writes > (largest = Volatile.Read(ref _largestBatch)) && Interlocked.CompareExchange(ref _largestBatch, writes, largest) != largest)
        {
        }

        Signal();
    }

    internal void RecordSync()
    {
        Interlocked.Increment(ref _syncs);
        Signal();
    }

    internal void RecordFailure()
    {
        Interlocked.Increment(ref _failedBatches);
        Signal();
    }

    private void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
