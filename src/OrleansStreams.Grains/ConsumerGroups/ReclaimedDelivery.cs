using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// XREADGROUP &gt; in a group with a policy: the entries a sweep made reclaimable are handed out before new ones,
/// oldest first, each claimed exactly as XCLAIM would (new owner, delivery time now, delivery count + 1).
/// </summary>
internal static class ReclaimedDelivery
{
    /// <summary>
    /// The marked IDs to hand out, at most <paramref name="count"/> (0 = all): still pending, still idle for CLAIMIDLE,
    /// not due for the dead-letter stream, and already delivered by the cursor (so no ID can also be a new entry).
    /// </summary>
    public static StreamId[] Plan(ConsumerGroup group, long count, long nowMs)
    {
        if (group.Policy is not { } policy || group.Reclaimable.Count == 0) return [];
        var ids = new List<StreamId>();
        foreach (var id in group.Reclaimable)
        {
            if (count > 0 && ids.Count >= count) break;
            if (!group.Pending.TryGet(id, out var pending) || id > group.Cursor.LastDeliveredId) continue;
            if (pending.IdleMs(nowMs) < policy.Settings.ClaimIdleMs || policy.IsExhausted(pending.DeliveryCount)) continue;
            ids.Add(id);
        }
        return [.. ids];
    }

    /// <summary>Claims the planned entries still in the stream for <paramref name="consumer"/>; entries gone from it leave the PEL.</summary>
    public static ClaimOutcome Claim(ConsumerGroup group, Consumer consumer, StreamId[] ids, StreamEntries entries, long nowMs)
    {
        var outcome = new ClaimOutcome { DeliveryTimeMs = nowMs };
        for (var i = 0; i < ids.Length; i++)
        {
            if (!entries[i].Exists)
            {
                if (group.Acknowledge(ids[i])) outcome.Removed.Add(ids[i]);
                continue;
            }
            var pending = group.Pending.Get(ids[i]);
            var claimed = group.Assign(ids[i], consumer, nowMs, pending.DeliveryCount + 1);
            consumer.ActiveTimeMs = nowMs;
            outcome.AddClaimed(claimed, i);
        }
        return outcome;
    }
}
