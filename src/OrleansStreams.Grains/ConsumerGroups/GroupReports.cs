using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>What XINFO shows about a group and its consumers.</summary>
internal static class GroupReports
{
    public static GroupSummary Summary(string name, ConsumerGroup group, in StreamMetadata stream)
        => new(
            name,
            group.Consumers.Count,
            group.Pending.Count,
            group.Cursor.LastDeliveredId,
            EntriesRead(group),
            group.Cursor.Lag(stream),
            group.Policy?.Info);

    /// <summary>idle counts from the last attempt (clamped at 0); inactive from the last success, -1 if none.</summary>
    public static List<ConsumerSummary> Consumers(ConsumerGroup group, long nowMs)
    {
        var consumers = new List<ConsumerSummary>(group.Consumers.Count);
        foreach (var consumer in group.Consumers)
        {
            var inactive = consumer.ActiveTimeMs == Consumer.NeverActive ? Consumer.NeverActive : nowMs - consumer.ActiveTimeMs;
            consumers.Add(new ConsumerSummary(consumer.Name, consumer.Pending.Count, Math.Max(nowMs - consumer.SeenTimeMs, 0), inactive));
        }
        return consumers;
    }

    /// <summary>The group part of XINFO STREAM FULL; <paramref name="count"/> limits each pending list (0 = all).</summary>
    public static GroupDetails Details(string name, ConsumerGroup group, in StreamMetadata stream, long count)
    {
        var pending = new List<GroupPendingEntry>();
        foreach (var entry in group.Pending.Between(StreamId.Zero, StreamId.Max))
        {
            if (count > 0 && pending.Count >= count) break;
            pending.Add(new GroupPendingEntry(entry.Id, entry.Owner.Name, entry.DeliveryTimeMs, entry.DeliveryCount));
        }

        var consumers = new List<ConsumerDetails>(group.Consumers.Count);
        foreach (var consumer in group.Consumers)
        {
            var owned = new List<ConsumerPendingEntry>();
            foreach (var id in consumer.Pending)
            {
                if (count > 0 && owned.Count >= count) break;
                var entry = group.Pending.Get(id);
                owned.Add(new ConsumerPendingEntry(id, entry.DeliveryTimeMs, entry.DeliveryCount));
            }
            consumers.Add(new ConsumerDetails(consumer.Name, consumer.SeenTimeMs, consumer.ActiveTimeMs, consumer.Pending.Count, owned));
        }

        return new GroupDetails(name, group.Cursor.LastDeliveredId, EntriesRead(group), group.Cursor.Lag(stream), group.Pending.Count, pending, consumers);
    }

    private static long? EntriesRead(ConsumerGroup group) => group.Cursor.EntriesReadKnown ? group.Cursor.EntriesRead : null;
}
