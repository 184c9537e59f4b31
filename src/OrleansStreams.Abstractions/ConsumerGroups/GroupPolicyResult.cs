namespace OrleansStreams.ConsumerGroups;

/// <summary>XGROUPPOLICY GET: <paramref name="Info"/> is null when the group has no policy.</summary>
public sealed record GroupPolicyResult(ConsumerGroupStatus Status, GroupPolicyInfo? Info);
