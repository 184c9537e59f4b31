using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>XPENDING's two forms over a group's state.</summary>
internal static class PendingQueries
{
    public static PendingSummary Summary(ConsumerGroup group)
    {
        var pending = group.Pending;
        if (pending.Count == 0) return new PendingSummary(ConsumerGroupStatus.Ok, 0, StreamId.Zero, StreamId.Zero, []);
        var consumers = new List<ConsumerPendingCount>();
        foreach (var consumer in group.Consumers)
        {
            if (consumer.Pending.Count > 0) consumers.Add(new ConsumerPendingCount(consumer.Name, consumer.Pending.Count));
        }
        return new PendingSummary(ConsumerGroupStatus.Ok, pending.Count, pending.Smallest, pending.Greatest, consumers);
    }

    /// <summary>
    /// PEL entries with start ≤ ID ≤ end in ID order, at most count of them, skipping those idle for less than IDLE.
    /// Naming a consumer lists only its entries; an unknown consumer gives an empty list.
    /// </summary>
    public static PendingRangeResult Range(ConsumerGroup group, PendingRangeRequest request)
    {
        var entries = new List<PendingEntryInfo>();
        if (request.Count <= 0) return new PendingRangeResult(ConsumerGroupStatus.Ok, entries);

        IEnumerable<PendingEntry> candidates;
        if (request.Consumer is null)
        {
            candidates = group.Pending.Between(request.Start, request.End);
        }
        else if (group.FindConsumer(request.Consumer) is { } consumer)
        {
            candidates = PendingEntriesList.Range(consumer.Pending, request.Start, request.End).Select(group.Pending.Get);
        }
        else
        {
            return new PendingRangeResult(ConsumerGroupStatus.Ok, entries);
        }

        foreach (var pending in candidates)
        {
            var idle = pending.IdleMs(request.NowMs);
            // Redis filters with "IDLE t" whenever t is not 0, on the unclamped idle time.
            if (request.MinIdleMs != 0 && idle < request.MinIdleMs) continue;
            entries.Add(new PendingEntryInfo(pending.Id, pending.Owner.Name, Math.Max(idle, 0), pending.DeliveryCount));
            if (entries.Count >= request.Count) break;
        }
        return new PendingRangeResult(ConsumerGroupStatus.Ok, entries);
    }
}
