using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// What a claim (XCLAIM or XAUTOCLAIM) did: the IDs it claimed in reply order with their new delivery counts and the
/// positions of their entries in the stream's answer, and the IDs it dropped from the PEL because their entries are gone.
/// </summary>
internal sealed class ClaimOutcome
{
    public List<StreamId> Claimed { get; } = [];

    public List<long> ClaimedCounts { get; } = [];

    public List<int> ClaimedEntryIndexes { get; } = [];

    public List<StreamId> Removed { get; } = [];

    /// <summary>The delivery time given to every claimed entry.</summary>
    public long DeliveryTimeMs { get; init; }

    /// <summary>XAUTOCLAIM's cursor.</summary>
    public StreamId NextCursor { get; set; }

    public void AddClaimed(PendingEntry entry, int entryIndex)
    {
        Claimed.Add(entry.Id);
        ClaimedCounts.Add(entry.DeliveryCount);
        ClaimedEntryIndexes.Add(entryIndex);
    }
}
