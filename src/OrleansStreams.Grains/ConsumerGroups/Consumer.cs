using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// A consumer of a group. <see cref="SeenTimeMs"/> is its last attempted interaction, <see cref="ActiveTimeMs"/> its
/// last successful read or claim (-1 if none). <see cref="Pending"/> is its view of the group PEL: the IDs it owns.
/// </summary>
internal sealed class Consumer(string name, long seenTimeMs)
{
    public const long NeverActive = -1;

    public string Name { get; } = name;

    public long SeenTimeMs { get; set; } = seenTimeMs;

    public long ActiveTimeMs { get; set; } = NeverActive;

    public SortedSet<StreamId> Pending { get; } = [];
}
