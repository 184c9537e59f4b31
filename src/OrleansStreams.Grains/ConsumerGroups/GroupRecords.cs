using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>Encodes each kind of consumer-group journal record; <see cref="GroupJournalReplay"/> reads them back.</summary>
internal static class GroupRecords
{
    public static ReadOnlySpan<byte> Created(GroupRecordWriter writer, ConsumerGroup group)
        => writer.Begin(GroupRecordKind.Created)
            .Int64(group.KeyGeneration)
            .Int64(group.Stamp)
            .Id(group.Cursor.LastDeliveredId)
            .Int64(group.Cursor.EntriesRead)
            .Finish();

    public static ReadOnlySpan<byte> Removed(GroupRecordWriter writer) => writer.Begin(GroupRecordKind.Removed).Finish();

    public static ReadOnlySpan<byte> CursorSet(GroupRecordWriter writer, GroupCursor cursor)
        => writer.Begin(GroupRecordKind.CursorSet).Id(cursor.LastDeliveredId).Int64(cursor.EntriesRead).Finish();

    public static ReadOnlySpan<byte> ConsumerSeen(GroupRecordWriter writer, string consumer, long nowMs)
        => writer.Begin(GroupRecordKind.ConsumerSeen).Name(consumer).Int64(nowMs).Finish();

    public static ReadOnlySpan<byte> ConsumerCreated(GroupRecordWriter writer, string consumer, long nowMs)
        => writer.Begin(GroupRecordKind.ConsumerCreated).Name(consumer).Int64(nowMs).Finish();

    public static ReadOnlySpan<byte> ConsumerDeleted(GroupRecordWriter writer, string consumer)
        => writer.Begin(GroupRecordKind.ConsumerDeleted).Name(consumer).Finish();

    /// <summary>New entries read by <paramref name="consumer"/>: the IDs that became pending (none with NOACK) and the cursor after them.</summary>
    public static ReadOnlySpan<byte> Delivered(GroupRecordWriter writer, string consumer, long nowMs, GroupCursor cursor, IReadOnlyList<StreamId> pendingIds)
        => writer.Begin(GroupRecordKind.Delivered)
            .Name(consumer)
            .Int64(nowMs)
            .Id(cursor.LastDeliveredId)
            .Int64(cursor.EntriesRead)
            .Ids(pendingIds)
            .Finish();

    public static ReadOnlySpan<byte> Redelivered(GroupRecordWriter writer, long nowMs, IReadOnlyList<StreamId> ids)
        => writer.Begin(GroupRecordKind.Redelivered).Int64(nowMs).Ids(ids).Finish();

    public static ReadOnlySpan<byte> Acknowledged(GroupRecordWriter writer, IReadOnlyList<StreamId> ids)
        => writer.Begin(GroupRecordKind.Acknowledged).Ids(ids).Finish();

    /// <summary>Claimed entries in claim order with their counts at that point (an ID claimed twice appears twice).</summary>
    public static ReadOnlySpan<byte> Claimed(GroupRecordWriter writer, string consumer, long activeTimeMs, ClaimOutcome outcome)
    {
        writer.Begin(GroupRecordKind.Claimed)
            .Name(consumer)
            .Int64(outcome.DeliveryTimeMs)
            .Int64(activeTimeMs)
            .Int32(outcome.Claimed.Count);
        for (var i = 0; i < outcome.Claimed.Count; i++) writer.Id(outcome.Claimed[i]).Int64(outcome.ClaimedCounts[i]);
        return writer.Finish();
    }

    public static ReadOnlySpan<byte> PolicySet(GroupRecordWriter writer, GroupPolicy policy)
        => WritePolicy(writer.Begin(GroupRecordKind.PolicySet), policy).Finish();

    public static ReadOnlySpan<byte> PolicyRemoved(GroupRecordWriter writer) => writer.Begin(GroupRecordKind.PolicyRemoved).Finish();

    public static ReadOnlySpan<byte> Reclaimable(GroupRecordWriter writer, IReadOnlyList<StreamId> ids)
        => writer.Begin(GroupRecordKind.Reclaimable).Ids(ids).Finish();

    public static ReadOnlySpan<byte> DeadLettered(GroupRecordWriter writer, IReadOnlyList<StreamId> ids)
        => writer.Begin(GroupRecordKind.DeadLettered).Ids(ids).Finish();

    /// <summary>CLAIMIDLE, MAXDELIVERIES, then a flag byte and the DEADLETTER key when there is one.</summary>
    public static GroupRecordWriter WritePolicy(GroupRecordWriter writer, GroupPolicy policy)
    {
        writer.Int64(policy.ClaimIdleMs).Int64(policy.MaxDeliveries);
        return policy.DeadLetterKey is { } key ? writer.Byte(1).Name(key) : writer.Byte(0);
    }

    /// <summary>The whole state; a null group is stored as "no group".</summary>
    public static byte[] Snapshot(GroupRecordWriter writer, ConsumerGroup? group)
    {
        writer.Begin(GroupRecordKind.Snapshot);
        if (group is null) return writer.Byte(0).Finish().ToArray();

        writer.Byte(1)
            .Int64(group.KeyGeneration)
            .Int64(group.Stamp)
            .Id(group.Cursor.LastDeliveredId)
            .Int64(group.Cursor.EntriesRead)
            .Int32(group.Consumers.Count);
        var indexes = new Dictionary<Consumer, int>(group.Consumers.Count, ReferenceEqualityComparer.Instance);
        foreach (var consumer in group.Consumers)
        {
            indexes.Add(consumer, indexes.Count);
            writer.Name(consumer.Name).Int64(consumer.SeenTimeMs).Int64(consumer.ActiveTimeMs);
        }
        writer.Int32(group.Pending.Count);
        foreach (var pending in group.Pending.Between(StreamId.Zero, StreamId.Max))
        {
            writer.Id(pending.Id).Int32(indexes[pending.Owner]).Int64(pending.DeliveryTimeMs).Int64(pending.DeliveryCount);
        }
        // Format 2: the policy section.
        if (group.Policy is not { } policy) return writer.Byte(0).Finish().ToArray();
        WritePolicy(writer.Byte(1), policy.Settings).Int64(policy.Reclaimed).Int64(policy.DeadLettered).Ids([.. group.Reclaimable]);
        return writer.Finish().ToArray();
    }
}
