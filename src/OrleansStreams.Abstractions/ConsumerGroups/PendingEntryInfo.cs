using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>One line of XPENDING's extended form: <c>[id, consumer, idle-ms, delivery-count]</c>.</summary>
public readonly record struct PendingEntryInfo(StreamId Id, string Consumer, long IdleMs, long DeliveryCount);
