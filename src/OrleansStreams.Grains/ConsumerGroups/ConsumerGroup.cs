using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// The state of one consumer group: its cursor, its PEL and its consumers (in byte order of their names, which is
/// ordinal order for Latin-1 strings), plus the life of the stream key it belongs to (<see cref="KeyGeneration"/>)
/// and the stamp of its registration on the stream. The members here are the only ways the state changes; command
/// logic and journal replay both go through them.
/// </summary>
internal sealed class ConsumerGroup(long keyGeneration, long stamp, StreamId lastDeliveredId, long entriesRead)
{
    private readonly SortedDictionary<string, Consumer> _consumers = new(StringComparer.Ordinal);

    public long KeyGeneration { get; } = keyGeneration;

    public long Stamp { get; } = stamp;

    public GroupCursor Cursor { get; } = new(lastDeliveredId, entriesRead);

    public PendingEntriesList Pending { get; } = new();

    public IReadOnlyCollection<Consumer> Consumers => _consumers.Values;

    public Consumer? FindConsumer(string name) => _consumers.GetValueOrDefault(name);

    /// <summary>An interaction attempt by <paramref name="name"/>: creates the consumer if needed and sets its seen time.</summary>
    public Consumer Touch(string name, long nowMs, out bool created)
    {
        created = !_consumers.TryGetValue(name, out var consumer);
        if (consumer is null)
        {
            consumer = new Consumer(name, nowMs);
            _consumers.Add(name, consumer);
        }
        consumer.SeenTimeMs = nowMs;
        return consumer;
    }

    /// <summary>XGROUP CREATECONSUMER: false when the consumer exists (it is then left untouched).</summary>
    public bool TryAddConsumer(string name, long nowMs) => _consumers.TryAdd(name, new Consumer(name, nowMs));

    /// <summary>Deletes the consumer with its pending entries; how many it had, or 0 if it did not exist.</summary>
    public long RemoveConsumer(string name)
    {
        if (!_consumers.Remove(name, out var consumer)) return 0;
        foreach (var id in consumer.Pending) Pending.Remove(id, out _);
        return consumer.Pending.Count;
    }

    /// <summary>Makes <paramref name="id"/> pending for <paramref name="owner"/>, moving it from another consumer if needed.</summary>
    public PendingEntry Assign(StreamId id, Consumer owner, long deliveryTimeMs, long deliveryCount)
    {
        if (Pending.TryGet(id, out var entry))
        {
            if (!ReferenceEquals(entry.Owner, owner))
            {
                entry.Owner.Pending.Remove(id);
                entry.Owner = owner;
            }
            entry.DeliveryTimeMs = deliveryTimeMs;
            entry.DeliveryCount = deliveryCount;
        }
        else
        {
            entry = new PendingEntry(id, owner, deliveryTimeMs, deliveryCount);
            Pending.Add(entry);
        }
        owner.Pending.Add(id);
        return entry;
    }

    /// <summary>Removes <paramref name="id"/> from the PEL and from its owner; false if it was not pending.</summary>
    public bool Acknowledge(StreamId id)
    {
        if (!Pending.Remove(id, out var entry)) return false;
        entry.Owner.Pending.Remove(id);
        return true;
    }
}
