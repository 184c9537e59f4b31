using System.Diagnostics;
using System.Globalization;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

/// <summary>
/// One queued storage operation and its caller's completion. The caller's bytes are encoded (header + checksum)
/// into arrays this object owns before it is queued, so the caller's buffers are never held. A backend sets the
/// outcome while it applies a batch; the writer completes the caller only after the batch's commit.
/// </summary>
internal sealed class JournalWrite
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Abandoned = 2;

    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _cancellation;
    private int _state;

    private JournalWrite(JournalWriteKind kind, GrainId grainId, string stateName, byte[][] records, byte[]? snapshot, long expectedVersion)
    {
        Kind = kind;
        GrainId = grainId;
        StateName = stateName;
        GrainKey = kind == JournalWriteKind.Flush ? [] : GrainKeyCodec.Encode(grainId.Key);
        Records = records;
        Snapshot = snapshot;
        ExpectedVersion = expectedVersion;
        // The caller's span (a grain call), so the batch commit that serves this write can be joined to it.
        Caller = JournalStorageInstruments.ActivitySource.HasListeners() ? Activity.Current?.Context ?? default : default;
        var bytes = snapshot?.Length ?? 0;
        foreach (var record in records)
        {
            bytes += record.Length;
        }

        PayloadBytes = bytes;
    }

    public JournalWriteKind Kind { get; }

    public GrainId GrainId { get; }

    public string StateName { get; }

    public byte[] GrainKey { get; }

    /// <summary>Encoded records (header + payload), in order.</summary>
    public byte[][] Records { get; }

    /// <summary>The encoded snapshot of a replace.</summary>
    public byte[]? Snapshot { get; }

    public long ExpectedVersion { get; }

    public int PayloadBytes { get; }

    public ActivityContext Caller { get; }

    public Task<long> Completion => _completion.Task;

    public bool IsApplied { get; private set; }

    public long NewVersion { get; private set; }

    /// <summary>The version storage held when the write conflicted (null when unknown).</summary>
    public long? StoredVersion { get; private set; }

    public static JournalWrite Append(GrainId grainId, string stateName, IReadOnlyList<ReadOnlyMemory<byte>> records, long expectedVersion)
    {
        var encoded = new byte[records.Count][];
        for (var i = 0; i < encoded.Length; i++)
        {
            encoded[i] = JournalRecordCodec.Encode(JournalRecordKind.Record, records[i].Span);
        }

        return new(JournalWriteKind.Append, grainId, stateName, encoded, snapshot: null, expectedVersion);
    }

    public static JournalWrite Replace(GrainId grainId, string stateName, ReadOnlyMemory<byte> snapshot, long expectedVersion)
        => new(JournalWriteKind.Replace, grainId, stateName, [], JournalRecordCodec.Encode(JournalRecordKind.Snapshot, snapshot.Span), expectedVersion);

    public static JournalWrite Delete(GrainId grainId, string stateName, long expectedVersion)
        => new(JournalWriteKind.Delete, grainId, stateName, [], snapshot: null, expectedVersion);

    public static JournalWrite Flush() => new(JournalWriteKind.Flush, default, string.Empty, [], snapshot: null, expectedVersion: 0);

    /// <summary>A write still queued when its token fires is dropped; once taken into a batch it runs to its end.</summary>
    public void CancelWhileQueued(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(static (state, token) => ((JournalWrite)state!).Abandon(token), this);
        }
    }

    private void Abandon(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued)
        {
            _completion.TrySetCanceled(token);
        }
    }

    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    public void ResetOutcome()
    {
        IsApplied = false;
        NewVersion = 0;
        StoredVersion = null;
    }

    public void SetApplied(long newVersion)
    {
        IsApplied = true;
        NewVersion = newVersion;
    }

    public void SetConflict(long? storedVersion)
    {
        IsApplied = false;
        StoredVersion = storedVersion;
    }

    /// <summary>Completes the caller from the outcome; call only after the outcome's transaction committed.</summary>
    public void Complete()
    {
        _cancellation.Dispose();
        if (IsApplied)
        {
            _completion.TrySetResult(NewVersion);
        }
        else
        {
            _completion.TrySetException(Conflict());
        }
    }

    public void Fail(Exception exception)
    {
        _cancellation.Dispose();
        _completion.TrySetException(exception);
    }

    public InconsistentStateException Conflict()
    {
        var expected = ExpectedVersion.ToString(CultureInfo.InvariantCulture);
        var stored = StoredVersion?.ToString(CultureInfo.InvariantCulture);
        var message = StoredVersion is { } version && version != ExpectedVersion
            ? $"Journal '{StateName}' of {GrainId} is at version {stored}, not {expected}: another writer got there first."
            : $"Journal '{StateName}' of {GrainId} was changed by another writer while this one expected version {expected}.";
        return new InconsistentStateException(message, stored, expected);
    }
}
