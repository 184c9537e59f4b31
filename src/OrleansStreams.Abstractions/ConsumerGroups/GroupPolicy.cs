namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// XGROUPPOLICY SET: entries pending for at least <paramref name="ClaimIdleMs"/> are made available to the group's
/// next XREADGROUP &gt; again; an entry delivered <paramref name="MaxDeliveries"/> times (0 = no limit) is instead
/// moved to the stream <paramref name="DeadLetterKey"/> (required with a limit) and acknowledged.
/// </summary>
public sealed record GroupPolicy(long ClaimIdleMs, long MaxDeliveries, string? DeadLetterKey);
