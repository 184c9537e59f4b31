using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// XPENDING's summary form. With <paramref name="Count"/> 0 the reply is <c>[0, nil, nil, nil-array]</c> and the IDs
/// are meaningless; otherwise the smallest and greatest pending IDs and the consumers with something pending, by name.
/// </summary>
public sealed record PendingSummary(ConsumerGroupStatus Status, long Count, StreamId Smallest, StreamId Greatest, IReadOnlyList<ConsumerPendingCount> Consumers);
