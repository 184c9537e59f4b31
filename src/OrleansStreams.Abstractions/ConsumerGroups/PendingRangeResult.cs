namespace OrleansStreams.ConsumerGroups;

public sealed record PendingRangeResult(ConsumerGroupStatus Status, IReadOnlyList<PendingEntryInfo> Entries);
