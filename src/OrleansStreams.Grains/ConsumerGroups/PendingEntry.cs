using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>A delivered entry that is not acknowledged yet (Redis's NACK): who has it, when it was last delivered, how often.</summary>
internal sealed class PendingEntry(StreamId id, Consumer owner, long deliveryTimeMs, long deliveryCount)
{
    public StreamId Id { get; } = id;

    public Consumer Owner { get; set; } = owner;

    public long DeliveryTimeMs { get; set; } = deliveryTimeMs;

    public long DeliveryCount { get; set; } = deliveryCount;

    /// <summary>Milliseconds since the last delivery; negative if the delivery time lies ahead of <paramref name="nowMs"/>.</summary>
    public long IdleMs(long nowMs) => nowMs - DeliveryTimeMs;
}
