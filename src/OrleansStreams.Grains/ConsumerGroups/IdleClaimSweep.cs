using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// What one sweep of a group with a policy does: every pending entry idle for at least CLAIMIDLE is either marked
/// reclaimable (the next XREADGROUP &gt; of any consumer gets it) or, once delivered MAXDELIVERIES times, planned for
/// the dead-letter stream instead.
/// </summary>
internal static class IdleClaimSweep
{
    /// <summary>Dead letters handled per sweep, so one sweep's turn stays short; the rest wait for the next.</summary>
    public const int MaxDeadLettersPerSweep = 256;

    /// <summary>The shortest timer period, so a tiny CLAIMIDLE cannot make the grain sweep continuously.</summary>
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>Half of CLAIMIDLE: an entry that became idle enough is handled within about CLAIMIDLE/2 more.</summary>
    public static TimeSpan Period(GroupPolicyState policy)
    {
        var half = TimeSpan.FromMilliseconds(policy.Settings.ClaimIdleMs / 2.0);
        return half < MinimumPeriod ? MinimumPeriod : half;
    }

    public static (List<StreamId> Reclaim, List<StreamId> DeadLetter) Plan(ConsumerGroup group, GroupPolicyState policy, long nowMs)
    {
        var reclaim = new List<StreamId>();
        var deadLetter = new List<StreamId>();
        foreach (var pending in group.Pending.Between(StreamId.Zero, StreamId.Max))
        {
            if (pending.IdleMs(nowMs) < policy.Settings.ClaimIdleMs) continue;
            if (policy.IsExhausted(pending.DeliveryCount))
            {
                if (deadLetter.Count < MaxDeadLettersPerSweep) deadLetter.Add(pending.Id);
            }
            else if (!group.Reclaimable.Contains(pending.Id))
            {
                reclaim.Add(pending.Id);
            }
        }
        return (reclaim, deadLetter);
    }
}
