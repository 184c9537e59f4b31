using OrleansStreams.Grains.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>The bytes a consumer group keeps in its journal: pinned samples, round trips and damage detection.</summary>
public sealed class JournalFormatTests
{
    // Checked-in samples: version, kind, little-endian fields, CRC-32C (computed independently of this code).
    // Format 1, as journals written before group policies hold them; this build still reads them.
    private const string ConsumerSeenSample = "010505000000616c6963650807060504030201ca96a40f";
    private const string EmptySnapshotSample = "01010073a987d6";
    private const string ClaimedSample = "010b0100000062e803000000000000d00700000000000001000000050000000000000001000000000000000300000000000000496c778a";
    private const string GroupSnapshotV1Sample =
        "01010107000000000000000300000000000000090000000000000002000000000000000c000000000000000100000001000000616400000000000000ffffffffffffffff0100000001000000000000000000000000000000000000000a000000000000000200000000000000c3336f87";

    // Format 2, written by this build: the same layouts with the new version byte, plus the policy records.
    private const string ConsumerSeenV2Sample = "020505000000616c6963650807060504030201123505c1";
    private const string EmptySnapshotV2Sample = "0201000069a93c";
    private const string ClaimedV2Sample = "020b0100000062e803000000000000d00700000000000001000000050000000000000001000000000000000300000000000000c3230fc1";
    private const string PolicySetSample = "020ce80300000000000003000000000000000103000000646c71cae1edba";
    private const string PolicySetWithoutDeadLetterSample = "020c1027000000000000000000000000000000356c4591";
    private const string PolicyRemovedSample = "020def0b0c69";
    private const string ReclaimableSample = "020e0100000005000000000000000100000000000000c4634286";
    private const string DeadLetteredSample = "020f0100000005000000000000000100000000000000291e488b";

    [Fact]
    public void ConsumerSeenRecord_HasThePinnedLayout()
    {
        var record = GroupRecords.ConsumerSeen(new GroupRecordWriter(), "alice", 0x0102030405060708);

        Assert.Equal(ConsumerSeenV2Sample, Convert.ToHexStringLower(record));
    }

    [Fact]
    public void ClaimedRecord_HasThePinnedLayout()
    {
        var group = new ConsumerGroup(1, 1, StreamId.Zero, -1);
        var consumer = group.Touch("b", 0, out _);
        var outcome = new ClaimOutcome { DeliveryTimeMs = 1000 };
        outcome.AddClaimed(group.Assign(new StreamId(5, 1), consumer, 1000, 3), 0);

        var record = GroupRecords.Claimed(new GroupRecordWriter(), "b", 2000, outcome);

        Assert.Equal(ClaimedV2Sample, Convert.ToHexStringLower(record));
    }

    [Fact]
    public void EmptySnapshot_HasThePinnedLayoutAndReadsAsNoGroup()
    {
        var snapshot = GroupRecords.Snapshot(new GroupRecordWriter(), null);

        Assert.Equal(EmptySnapshotV2Sample, Convert.ToHexStringLower(snapshot));
        Assert.Null(GroupJournalReplay.ReadSnapshot(Convert.FromHexString(EmptySnapshotV2Sample)));
        Assert.Null(GroupJournalReplay.ReadSnapshot(Convert.FromHexString(EmptySnapshotSample)));
    }

    [Fact]
    public void PinnedRecords_ReplayOntoAGroup()
    {
        var group = new ConsumerGroup(1, 1, StreamId.Zero, -1);

        group = GroupJournalReplay.Apply(group, Convert.FromHexString(ConsumerSeenSample));
        group = GroupJournalReplay.Apply(group, GroupRecords.ConsumerSeen(new GroupRecordWriter(), "b", 5));
        group = GroupJournalReplay.Apply(group, Convert.FromHexString(ClaimedSample));

        Assert.Equal(
            ["cursor 0-0 -1", "consumer alice 72623859790382856 -1 []", "consumer b 5 2000 [5-1]", "pending 5-1 b 1000 3"],
            Describe(group!));
    }

    [Fact]
    public void Snapshot_RoundTripsEveryField()
    {
        var group = new ConsumerGroup(7, 3, new StreamId(9, 2), 12);
        var alice = group.Touch("alice", 100, out _);
        var bob = group.Touch("b\u00ffb", 200, out _);
        group.TryAddConsumer("idle", 300);
        bob.ActiveTimeMs = 150;
        group.Assign(new StreamId(1, 0), alice, 10, 1);
        group.Assign(new StreamId(2, 5), bob, 20, 4);
        group.Assign(new StreamId(3, 0), alice, 30, 2);

        var copy = GroupJournalReplay.ReadSnapshot(GroupRecords.Snapshot(new GroupRecordWriter(), group));

        Assert.NotNull(copy);
        Assert.Equal((7L, 3L), (copy.KeyGeneration, copy.Stamp));
        Assert.Equal(Describe(group), Describe(copy));
    }

    [Fact]
    public void EveryRecordKind_ReplaysToTheSameState()
    {
        var writer = new GroupRecordWriter();
        var live = new ConsumerGroup(2, 1, StreamId.Zero, -1);
        var records = new List<byte[]> { GroupRecords.Created(writer, live).ToArray() };

        var alice = live.Touch("alice", 10, out _);
        records.Add(GroupRecords.ConsumerSeen(writer, "alice", 10).ToArray());
        live.Cursor.Set(new StreamId(3, 0), 3);
        foreach (var ms in new ulong[] { 1, 2, 3 }) live.Assign(new StreamId(ms, 0), alice, 10, 1);
        alice.ActiveTimeMs = 10;
        records.Add(GroupRecords.Delivered(writer, "alice", 10, live.Cursor, Ids.ParseAll("1", "2", "3")).ToArray());
        live.Pending.Get(new StreamId(2, 0)).DeliveryCount++;
        live.Pending.Get(new StreamId(2, 0)).DeliveryTimeMs = 20;
        records.Add(GroupRecords.Redelivered(writer, 20, Ids.ParseAll("2")).ToArray());
        live.Acknowledge(new StreamId(1, 0));
        records.Add(GroupRecords.Acknowledged(writer, Ids.ParseAll("1")).ToArray());
        live.TryAddConsumer("bob", 30);
        records.Add(GroupRecords.ConsumerCreated(writer, "bob", 30).ToArray());
        var bob = live.FindConsumer("bob")!;
        var outcome = new ClaimOutcome { DeliveryTimeMs = 25 };
        outcome.AddClaimed(live.Assign(new StreamId(2, 0), bob, 25, 3), 0);
        bob.ActiveTimeMs = 40;
        records.Add(GroupRecords.Claimed(writer, "bob", 40, outcome).ToArray());
        live.Cursor.RaiseTo(new StreamId(8, 0));
        records.Add(GroupRecords.CursorSet(writer, live.Cursor).ToArray());
        live.TryAddConsumer("carol", 50);
        live.RemoveConsumer("alice");
        records.Add(GroupRecords.ConsumerCreated(writer, "carol", 50).ToArray());
        records.Add(GroupRecords.ConsumerDeleted(writer, "alice").ToArray());

        ConsumerGroup? replayed = null;
        foreach (var record in records) replayed = GroupJournalReplay.Apply(replayed, record);

        Assert.Equal(
            ["cursor 8-0 3", "consumer bob 30 40 [2-0]", "consumer carol 50 -1 []", "pending 2-0 bob 25 3"],
            Describe(replayed!));
        Assert.Equal(Describe(live), Describe(replayed!));
        Assert.Null(GroupJournalReplay.Apply(replayed, GroupRecords.Removed(writer)));
    }

    [Fact]
    public void Record_WithAFlippedBit_FailsItsChecksum()
    {
        var record = Convert.FromHexString(ConsumerSeenSample);
        record[8] ^= 0x20;

        var error = Assert.Throws<ConsumerGroupJournalException>(() => GroupJournalReplay.Apply(new ConsumerGroup(1, 1, StreamId.Zero, -1), record));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Record_OfAnUnknownFormatVersion_IsRefused(byte version)
    {
        var body = Convert.FromHexString(EmptySnapshotSample)[..^4];
        body[0] = version;
        var record = body.Concat(BitConverter.GetBytes(GroupRecordWriter.Checksum(body))).ToArray();

        var error = Assert.Throws<ConsumerGroupJournalException>(() => GroupJournalReplay.ReadSnapshot(record));
        Assert.Contains($"format version {version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyRecords_HaveThePinnedLayouts()
    {
        var writer = new GroupRecordWriter();

        Assert.Equal(PolicySetSample, Convert.ToHexStringLower(GroupRecords.PolicySet(writer, new GroupPolicy(1000, 3, "dlq"))));
        Assert.Equal(PolicySetWithoutDeadLetterSample, Convert.ToHexStringLower(GroupRecords.PolicySet(writer, new GroupPolicy(10_000, 0, null))));
        Assert.Equal(PolicyRemovedSample, Convert.ToHexStringLower(GroupRecords.PolicyRemoved(writer)));
        Assert.Equal(ReclaimableSample, Convert.ToHexStringLower(GroupRecords.Reclaimable(writer, [new StreamId(5, 1)])));
        Assert.Equal(DeadLetteredSample, Convert.ToHexStringLower(GroupRecords.DeadLettered(writer, [new StreamId(5, 1)])));
    }

    [Fact]
    public void PinnedPolicyRecords_ReplayIntoPolicyCountersAndMarks()
    {
        var group = new ConsumerGroup(1, 1, new StreamId(9, 0), -1);
        var bob = group.Touch("b", 0, out _);
        group.Assign(new StreamId(5, 1), bob, 1000, 3);

        group = GroupJournalReplay.Apply(group, Convert.FromHexString(PolicySetSample))!;
        group = GroupJournalReplay.Apply(group, Convert.FromHexString(ReclaimableSample))!;
        Assert.Equal(new GroupPolicyInfo(new GroupPolicy(1000, 3, "dlq"), 1, 0), group.Policy!.Info);
        Assert.Equal(["5-1"], Ids.Show(group.Reclaimable));

        group = GroupJournalReplay.Apply(group, Convert.FromHexString(DeadLetteredSample))!;
        Assert.Equal(new GroupPolicyInfo(new GroupPolicy(1000, 3, "dlq"), 1, 1), group.Policy!.Info);
        Assert.Empty(group.Reclaimable);
        Assert.Equal(0, group.Pending.Count);

        group = GroupJournalReplay.Apply(group, Convert.FromHexString(PolicyRemovedSample))!;
        Assert.Null(group.Policy);
    }

    [Fact]
    public void FormatOneSnapshot_StillReads_AsAGroupWithoutPolicy()
    {
        var group = GroupJournalReplay.ReadSnapshot(Convert.FromHexString(GroupSnapshotV1Sample));

        Assert.NotNull(group);
        Assert.Equal((7L, 3L), (group.KeyGeneration, group.Stamp));
        Assert.Equal(["cursor 9-2 12", "consumer a 100 -1 [1-0]", "pending 1-0 a 10 2"], Describe(group));
        Assert.Null(group.Policy);
    }

    [Fact]
    public void Snapshot_WithAPolicy_RoundTripsSettingsCountersAndMarks()
    {
        var group = new ConsumerGroup(7, 3, new StreamId(9, 2), 12);
        var alice = group.Touch("alice", 100, out _);
        group.Assign(new StreamId(1, 0), alice, 10, 1);
        group.Assign(new StreamId(2, 0), alice, 20, 2);
        group.SetPolicy(new GroupPolicy(500, 4, "dead\u00ffletters"));
        group.Policy!.Reclaimed = 11;
        group.Policy.DeadLettered = 5;
        group.MarkReclaimable(new StreamId(2, 0));

        var copy = GroupJournalReplay.ReadSnapshot(GroupRecords.Snapshot(new GroupRecordWriter(), group));

        Assert.NotNull(copy);
        Assert.Equal(Describe(group), Describe(copy));
        Assert.Equal(group.Policy.Info, copy.Policy!.Info);
        Assert.Equal(["2-0"], Ids.Show(copy.Reclaimable));
    }

    [Fact]
    public void ReclaimableRecord_ForAnEntryNotPending_IsRefused()
    {
        var group = new ConsumerGroup(1, 1, StreamId.Zero, -1);
        group = GroupJournalReplay.Apply(group, Convert.FromHexString(PolicySetSample));

        Assert.Throws<ConsumerGroupJournalException>(() => GroupJournalReplay.Apply(group, Convert.FromHexString(ReclaimableSample)));
    }

    [Fact]
    public void Record_ThatIsCutShort_IsRefused()
    {
        var body = Convert.FromHexString(ConsumerSeenSample)[..^8];
        var record = body.Concat(BitConverter.GetBytes(GroupRecordWriter.Checksum(body))).ToArray();

        Assert.Throws<ConsumerGroupJournalException>(() => GroupJournalReplay.Apply(new ConsumerGroup(1, 1, StreamId.Zero, -1), record));
    }

    [Fact]
    public void Record_ForNoGroup_IsRefused()
    {
        var record = GroupRecords.ConsumerSeen(new GroupRecordWriter(), "alice", 1).ToArray();

        Assert.Throws<ConsumerGroupJournalException>(() => GroupJournalReplay.Apply(null, record));
    }

    private static string[] Describe(ConsumerGroup group)
    {
        var lines = new List<string> { $"cursor {group.Cursor.LastDeliveredId} {group.Cursor.EntriesRead}" };
        foreach (var consumer in group.Consumers)
        {
            lines.Add($"consumer {consumer.Name} {consumer.SeenTimeMs} {consumer.ActiveTimeMs} [{string.Join(' ', consumer.Pending)}]");
        }
        foreach (var pending in group.Pending.Between(StreamId.Zero, StreamId.Max))
        {
            lines.Add($"pending {pending.Id} {pending.Owner.Name} {pending.DeliveryTimeMs} {pending.DeliveryCount}");
        }
        return [.. lines];
    }
}
