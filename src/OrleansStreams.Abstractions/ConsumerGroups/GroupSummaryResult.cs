namespace OrleansStreams.ConsumerGroups;

public sealed record GroupSummaryResult(ConsumerGroupStatus Status, GroupSummary? Summary);
