using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>XREADGROUP with an explicit ID: the consumer reads its own pending entries again.</summary>
internal static class HistoryRedelivery
{
    /// <summary>The consumer's pending IDs after <paramref name="after"/>, at most <paramref name="count"/> (0 = all).</summary>
    public static StreamId[] Plan(Consumer? consumer, StreamId after, long count)
    {
        if (consumer is null || !after.TryIncrement(out var start)) return [];
        var ids = new List<StreamId>();
        foreach (var id in PendingEntriesList.Range(consumer.Pending, start, StreamId.Max))
        {
            if (count > 0 && ids.Count >= count) break;
            ids.Add(id);
        }
        return [.. ids];
    }

    /// <summary>
    /// Counts a new delivery, at <paramref name="nowMs"/>, of every planned entry still in the stream. Entries deleted
    /// from the stream stay pending (the reply shows them as <c>[id, nil]</c>). Returns the IDs redelivered.
    /// </summary>
    public static List<StreamId> Redeliver(ConsumerGroup group, StreamEntries entries, long nowMs)
    {
        var redelivered = new List<StreamId>(entries.Count);
        foreach (var entry in entries)
        {
            if (!entry.Exists || !group.Pending.TryGet(entry.Id, out var pending)) continue;
            pending.DeliveryTimeMs = nowMs;
            pending.DeliveryCount++;
            group.Unmark(entry.Id);
            redelivered.Add(entry.Id);
        }
        return redelivered;
    }
}
