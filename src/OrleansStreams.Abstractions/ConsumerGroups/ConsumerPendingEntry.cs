using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>A consumer PEL item in XINFO STREAM FULL: <c>[id, delivery-time-unix-ms, delivery-count]</c>.</summary>
public readonly record struct ConsumerPendingEntry(StreamId Id, long DeliveryTimeMs, long DeliveryCount);
