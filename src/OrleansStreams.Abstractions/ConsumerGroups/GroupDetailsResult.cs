namespace OrleansStreams.ConsumerGroups;

public sealed record GroupDetailsResult(ConsumerGroupStatus Status, GroupDetails? Details);
