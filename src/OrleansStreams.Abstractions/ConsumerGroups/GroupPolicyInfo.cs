namespace OrleansStreams.ConsumerGroups;

/// <summary>A group's policy with its counters: entries made available again by sweeps, and entries dead-lettered.</summary>
public sealed record GroupPolicyInfo(GroupPolicy Policy, long Reclaimed, long DeadLettered);
