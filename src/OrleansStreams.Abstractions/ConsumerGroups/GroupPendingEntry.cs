using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>A group PEL item in XINFO STREAM FULL: <c>[id, consumer, delivery-time-unix-ms, delivery-count]</c>.</summary>
public readonly record struct GroupPendingEntry(StreamId Id, string Consumer, long DeliveryTimeMs, long DeliveryCount);
