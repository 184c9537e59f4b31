namespace OrleansStreams.GrainHost;

/// <summary>
/// An activation's view of its journal. Mutations are recorded with <see cref="Append"/> and made durable by
/// <see cref="CommitAsync"/>; reply to a client only after the commit completes.
/// </summary>
public interface IGrainJournal
{
    /// <summary>Records appended since the last snapshot (a hint for when to compact).</summary>
    long RecordsSinceSnapshot { get; }

    /// <summary>Reads the journal: <paramref name="applySnapshot"/> once if a snapshot exists, then <paramref name="applyRecord"/> per record in order.</summary>
    Task RecoverAsync(Action<ReadOnlyMemory<byte>> applySnapshot, Action<ReadOnlyMemory<byte>> applyRecord, CancellationToken cancellationToken = default);

    /// <summary>Buffers one record (copied) for the next commit.</summary>
    void Append(ReadOnlySpan<byte> record);

    /// <summary>Writes buffered records with the expected version.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the journal with a snapshot of the whole state, discarding buffered records.</summary>
    ValueTask SnapshotAsync(ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken = default);

    /// <summary>Deletes the journal.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
