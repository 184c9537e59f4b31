using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// The answer for one key of an XREADGROUP. <paramref name="Served"/> says whether the key appears in the reply:
/// always for a history read (even with no entries), only with at least one entry for <c>&gt;</c>; when no key was
/// served and every ID was <c>&gt;</c>, a BLOCK call waits. History entries whose stream entry is gone are marked
/// missing (<see cref="StreamEntry.Exists"/> false) and are written as <c>[id, nil]</c>.
/// <paramref name="ConsumerCreated"/> is true when this call created the consumer (keyspace event xgroup-createconsumer).
/// </summary>
public sealed record GroupReadResult(ConsumerGroupStatus Status, bool Served, StreamEntries Entries, bool ConsumerCreated)
{
    public static GroupReadResult Failed(ConsumerGroupStatus status) => new(status, false, StreamEntries.Empty, false);
}
