using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

/// <summary>
/// Stored journal bytes fail their checks: a bad header or checksum, a record missing from the sequence, or a
/// format newer than this build reads. The journal cannot be replayed as written; nothing is repaired silently.
/// </summary>
public sealed class JournalCorruptedException : JournalStorageException
{
    public JournalCorruptedException(string message, GrainId? grainId, string? stateName, long? sequence)
        : base(message, JournalStorageFailure.Corrupt, outcomeUnknown: false, innerException: null)
    {
        GrainId = grainId;
        StateName = stateName;
        Sequence = sequence;
    }

    public GrainId? GrainId { get; }

    public string? StateName { get; }

    /// <summary>The record's sequence number in its journal, when one record is to blame.</summary>
    public long? Sequence { get; }
}
