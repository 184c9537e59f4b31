using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// XAUTOCLAIM's three-element reply: the cursor for the next call (0-0 once the scan reached the end of the PEL),
/// the claimed entries (<paramref name="Entries"/>, or <paramref name="Ids"/> with JUSTID) and the IDs that were
/// pending but no longer in the stream (removed from the PEL).
/// </summary>
public sealed record AutoClaimResult(
    ConsumerGroupStatus Status,
    StreamId NextCursor,
    IReadOnlyList<StreamId> Ids,
    StreamEntries Entries,
    IReadOnlyList<StreamId> DeletedIds)
{
    public static AutoClaimResult Failed(ConsumerGroupStatus status) => new(status, StreamId.Zero, [], StreamEntries.Empty, []);
}
