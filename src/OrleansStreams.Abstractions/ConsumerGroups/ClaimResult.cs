using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// What XCLAIM claimed, in argument order: <paramref name="Ids"/> always, <paramref name="Entries"/> too unless JUSTID
/// was given. IDs no longer in the stream are left out (and were dropped from the PEL).
/// </summary>
public sealed record ClaimResult(ConsumerGroupStatus Status, IReadOnlyList<StreamId> Ids, StreamEntries Entries)
{
    public static ClaimResult Failed(ConsumerGroupStatus status) => new(status, [], StreamEntries.Empty);
}
