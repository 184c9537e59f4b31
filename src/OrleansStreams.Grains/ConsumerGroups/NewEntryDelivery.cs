using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>XREADGROUP with <c>&gt;</c>: hands entries the group has never delivered to one consumer.</summary>
internal static class NewEntryDelivery
{
    /// <summary>
    /// Delivers <paramref name="entries"/> (the stream's entries after the group's last delivered ID, read in the same
    /// turn as <paramref name="stream"/>) to <paramref name="consumer"/>. Each entry advances the cursor; without NOACK
    /// it becomes pending for this consumer with a count of 1, even if another consumer had it (possible after
    /// XGROUP SETID), and the consumer counts as active. With NOACK only the cursor moves.
    /// </summary>
    public static void Deliver(ConsumerGroup group, Consumer consumer, StreamEntries entries, in StreamMetadata stream, bool noAck, long nowMs)
    {
        foreach (var entry in entries)
        {
            group.Cursor.Advance(entry.Id, stream);
            if (!noAck) group.Assign(entry.Id, consumer, nowMs, deliveryCount: 1);
        }
        if (!noAck && entries.Count > 0) consumer.ActiveTimeMs = nowMs;
    }
}
