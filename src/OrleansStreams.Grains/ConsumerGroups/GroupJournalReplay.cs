using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>Rebuilds a group from its journal: the snapshot, then each record in order.</summary>
internal static class GroupJournalReplay
{
    public static ConsumerGroup? ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        var reader = new GroupRecordReader(snapshot);
        if (reader.Kind != GroupRecordKind.Snapshot) throw new ConsumerGroupJournalException($"Expected a consumer-group snapshot, found a {reader.Kind} record.");
        if (reader.Byte() == 0)
        {
            reader.EnsureEnd();
            return null;
        }

        var group = new ConsumerGroup(reader.Int64(), reader.Int64(), reader.Id(), reader.Int64());
        var consumers = new Consumer[reader.Count(20)];
        for (var i = 0; i < consumers.Length; i++)
        {
            var name = reader.Name();
            var seen = reader.Int64();
            var active = reader.Int64();
            consumers[i] = group.Touch(name, seen, out _);
            consumers[i].ActiveTimeMs = active;
        }
        var pendingCount = reader.Count(36);
        for (var i = 0; i < pendingCount; i++)
        {
            var id = reader.Id();
            var owner = reader.Int32();
            if ((uint)owner >= (uint)consumers.Length) throw new ConsumerGroupJournalException($"A consumer-group snapshot names consumer {owner} of {consumers.Length}.");
            group.Assign(id, consumers[owner], reader.Int64(), reader.Int64());
        }
        if (reader.Version >= 2 && reader.Byte() == 1)
        {
            group.SetPolicy(ReadPolicy(ref reader));
            group.Policy!.Reclaimed = reader.Int64();
            group.Policy.DeadLettered = reader.Int64();
            foreach (var id in reader.Ids())
            {
                if (!group.MarkReclaimable(id)) throw new ConsumerGroupJournalException($"A consumer-group snapshot marks {id} reclaimable, which is not pending.");
            }
        }
        reader.EnsureEnd();
        return group;
    }

    /// <summary>Applies one record to <paramref name="group"/> (null when no group exists) and returns the group after it.</summary>
    public static ConsumerGroup? Apply(ConsumerGroup? group, ReadOnlySpan<byte> record)
    {
        var reader = new GroupRecordReader(record);
        switch (reader.Kind)
        {
            case GroupRecordKind.Created:
                group = new ConsumerGroup(reader.Int64(), reader.Int64(), reader.Id(), reader.Int64());
                break;
            case GroupRecordKind.Removed:
                group = null;
                break;
            case GroupRecordKind.CursorSet:
                Require(group, reader.Kind).Cursor.Set(reader.Id(), reader.Int64());
                break;
            case GroupRecordKind.ConsumerSeen:
                Require(group, reader.Kind).Touch(reader.Name(), reader.Int64(), out _);
                break;
            case GroupRecordKind.ConsumerCreated:
                Require(group, reader.Kind).TryAddConsumer(reader.Name(), reader.Int64());
                break;
            case GroupRecordKind.ConsumerDeleted:
                Require(group, reader.Kind).RemoveConsumer(reader.Name());
                break;
            case GroupRecordKind.Delivered:
                ApplyDelivered(Require(group, reader.Kind), ref reader);
                break;
            case GroupRecordKind.Redelivered:
                ApplyRedelivered(Require(group, reader.Kind), ref reader);
                break;
            case GroupRecordKind.Acknowledged:
                ApplyAcknowledged(Require(group, reader.Kind), ref reader);
                break;
            case GroupRecordKind.Claimed:
                ApplyClaimed(Require(group, reader.Kind), ref reader);
                break;
            case GroupRecordKind.PolicySet:
                Require(group, reader.Kind).SetPolicy(ReadPolicy(ref reader));
                break;
            case GroupRecordKind.PolicyRemoved:
                Require(group, reader.Kind).SetPolicy(null);
                break;
            case GroupRecordKind.Reclaimable:
                ApplyReclaimable(Require(group, reader.Kind), ref reader);
                break;
            case GroupRecordKind.DeadLettered:
                ApplyDeadLettered(Require(group, reader.Kind), ref reader);
                break;
            default:
                throw new ConsumerGroupJournalException($"Unknown consumer-group record kind {(byte)reader.Kind}.");
        }
        reader.EnsureEnd();
        return group;
    }

    private static void ApplyDelivered(ConsumerGroup group, ref GroupRecordReader reader)
    {
        var consumer = RequireConsumer(group, reader.Name());
        var now = reader.Int64();
        group.Cursor.Set(reader.Id(), reader.Int64());
        var ids = reader.Ids();
        foreach (var id in ids) group.Assign(id, consumer, now, deliveryCount: 1);
        if (ids.Length > 0) consumer.ActiveTimeMs = now;
    }

    private static void ApplyAcknowledged(ConsumerGroup group, ref GroupRecordReader reader)
    {
        foreach (var id in reader.Ids()) group.Acknowledge(id);
    }

    private static void ApplyRedelivered(ConsumerGroup group, ref GroupRecordReader reader)
    {
        var now = reader.Int64();
        foreach (var id in reader.Ids())
        {
            if (!group.Pending.TryGet(id, out var pending)) throw new ConsumerGroupJournalException($"A Redelivered record names {id}, which is not pending.");
            pending.DeliveryTimeMs = now;
            pending.DeliveryCount++;
            group.Unmark(id);
        }
    }

    private static void ApplyClaimed(ConsumerGroup group, ref GroupRecordReader reader)
    {
        var consumer = RequireConsumer(group, reader.Name());
        var deliveryTime = reader.Int64();
        var activeTime = reader.Int64();
        var count = reader.Count(24);
        for (var i = 0; i < count; i++) group.Assign(reader.Id(), consumer, deliveryTime, reader.Int64());
        if (count > 0) consumer.ActiveTimeMs = activeTime;
    }

    private static GroupPolicy ReadPolicy(ref GroupRecordReader reader)
    {
        var claimIdle = reader.Int64();
        var maxDeliveries = reader.Int64();
        var deadLetter = reader.Byte() == 1 ? reader.Name() : null;
        return new GroupPolicy(claimIdle, maxDeliveries, deadLetter);
    }

    private static void ApplyReclaimable(ConsumerGroup group, ref GroupRecordReader reader)
    {
        var policy = RequirePolicy(group, reader.Kind);
        foreach (var id in reader.Ids())
        {
            if (!group.MarkReclaimable(id)) throw new ConsumerGroupJournalException($"A Reclaimable record names {id}, which is not pending or already marked.");
            policy.Reclaimed++;
        }
    }

    private static void ApplyDeadLettered(ConsumerGroup group, ref GroupRecordReader reader)
    {
        var policy = RequirePolicy(group, reader.Kind);
        foreach (var id in reader.Ids())
        {
            if (!group.Acknowledge(id)) throw new ConsumerGroupJournalException($"A DeadLettered record names {id}, which is not pending.");
            policy.DeadLettered++;
        }
    }

    private static GroupPolicyState RequirePolicy(ConsumerGroup group, GroupRecordKind kind)
        => group.Policy ?? throw new ConsumerGroupJournalException($"A {kind} record follows no policy.");

    private static ConsumerGroup Require(ConsumerGroup? group, GroupRecordKind kind)
        => group ?? throw new ConsumerGroupJournalException($"A {kind} record follows no group.");

    private static Consumer RequireConsumer(ConsumerGroup group, string name)
        => group.FindConsumer(name) ?? throw new ConsumerGroupJournalException($"A record names consumer '{name}', which does not exist.");
}
