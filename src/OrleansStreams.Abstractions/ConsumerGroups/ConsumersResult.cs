namespace OrleansStreams.ConsumerGroups;

/// <summary>XINFO CONSUMERS: the consumers in byte order of their names.</summary>
public sealed record ConsumersResult(ConsumerGroupStatus Status, IReadOnlyList<ConsumerSummary> Consumers);
