using OrleansStreams.ConsumerGroups;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>A group's XGROUPPOLICY and what its sweeps have done so far (both journaled with the group).</summary>
internal sealed class GroupPolicyState(GroupPolicy settings)
{
    public GroupPolicy Settings { get; set; } = settings;

    /// <summary>Pending entries sweeps made available to other consumers again.</summary>
    public long Reclaimed { get; set; }

    /// <summary>Entries moved to the dead-letter stream and acknowledged.</summary>
    public long DeadLettered { get; set; }

    public GroupPolicyInfo Info => new(Settings, Reclaimed, DeadLettered);

    /// <summary>Whether an entry delivered <paramref name="deliveryCount"/> times must not be delivered again.</summary>
    public bool IsExhausted(long deliveryCount) => Settings.MaxDeliveries > 0 && deliveryCount >= Settings.MaxDeliveries;
}
