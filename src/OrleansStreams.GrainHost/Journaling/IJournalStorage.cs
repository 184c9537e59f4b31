namespace OrleansStreams.GrainHost;

/// <summary>What a journal holds: an optional snapshot, the records appended after it, and the version to expect on the next write.</summary>
public sealed record JournalReadResult(ReadOnlyMemory<byte>? Snapshot, IReadOnlyList<ReadOnlyMemory<byte>> Records, long Version)
{
    public static JournalReadResult Empty { get; } = new(null, [], 0);
}

/// <summary>
/// Append-only storage of one journal per (grain, state name). Every write names the version it expects and
/// throws <see cref="InconsistentStateException"/> when storage holds another, so a stale writer fails loudly.
/// Implementations must not keep the caller's buffers after a call returns.
/// </summary>
public interface IJournalStorage
{
    Task<JournalReadResult> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>Appends records atomically; returns the new version.</summary>
    Task<long> AppendAsync(GrainId grainId, string stateName, IReadOnlyList<ReadOnlyMemory<byte>> records, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Atomically replaces the whole journal by a snapshot (compaction); returns the new version.</summary>
    Task<long> ReplaceAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> snapshot, long expectedVersion, CancellationToken cancellationToken);

    Task DeleteAsync(GrainId grainId, string stateName, long expectedVersion, CancellationToken cancellationToken);
}
