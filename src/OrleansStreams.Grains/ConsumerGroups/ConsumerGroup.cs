using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// The state of one consumer group: its cursor, its PEL and its consumers (in byte order of their names, which is
/// ordinal order for Latin-1 strings), plus the life of the stream key it belongs to (<see cref="KeyGeneration"/>)
/// and the stamp of its registration on the stream; with an XGROUPPOLICY also the policy and the pending entries a
/// sweep made available again (<see cref="Reclaimable"/>). The members here are the only ways the state changes;
/// command logic and journal replay both go through them.
/// </summary>
internal sealed class ConsumerGroup(long keyGeneration, long stamp, StreamId lastDeliveredId, long entriesRead)
{
    private readonly SortedDictionary<string, Consumer> _consumers = new(StringComparer.Ordinal);

    public long KeyGeneration { get; } = keyGeneration;

    public long Stamp { get; } = stamp;

    public GroupCursor Cursor { get; } = new(lastDeliveredId, entriesRead);

    public PendingEntriesList Pending { get; } = new();

    public IReadOnlyCollection<Consumer> Consumers => _consumers.Values;

    /// <summary>The XGROUPPOLICY, or null: a group without one behaves exactly as in Redis.</summary>
    public GroupPolicyState? Policy { get; private set; }

    /// <summary>Pending IDs a sweep found idle for CLAIMIDLE: the next XREADGROUP &gt; hands them out first, oldest first.</summary>
    public SortedSet<StreamId> Reclaimable { get; } = [];

    /// <summary>Sets the policy (its counters stay) or, with null, removes it with its counters and marks.</summary>
    public void SetPolicy(GroupPolicy? settings)
    {
        if (settings is null)
        {
            Policy = null;
            Reclaimable.Clear();
        }
        else if (Policy is null)
        {
            Policy = new GroupPolicyState(settings);
        }
        else
        {
            Policy.Settings = settings;
        }
    }

    /// <summary>A sweep found <paramref name="id"/> idle long enough: false if it is not pending or already marked.</summary>
    public bool MarkReclaimable(StreamId id) => Pending.TryGet(id, out _) && Reclaimable.Add(id);

    /// <summary>The entry was delivered again (to anyone), so its idle time starts over and the mark no longer holds.</summary>
    public void Unmark(StreamId id) => Reclaimable.Remove(id);

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
        foreach (var id in consumer.Pending)
        {
            Pending.Remove(id, out _);
            Reclaimable.Remove(id);
        }
        return consumer.Pending.Count;
    }

    /// <summary>Makes <paramref name="id"/> pending for <paramref name="owner"/>, moving it from another consumer if needed.</summary>
    public PendingEntry Assign(StreamId id, Consumer owner, long deliveryTimeMs, long deliveryCount)
    {
        Reclaimable.Remove(id);
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
        Reclaimable.Remove(id);
        return true;
    }
}
