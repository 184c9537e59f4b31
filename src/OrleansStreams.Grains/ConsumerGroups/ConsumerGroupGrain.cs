using OrleansStreams.ConsumerGroups;
using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Diagnostics;
using OrleansStreams.Keys;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// One consumer group of one stream. Each call checks that the group still belongs to the live stream key (same
/// keyspace generation), asks the stream for what it needs, changes the state, journals the change and commits it
/// before replying, all in one turn. The stream is only ever called from here, never the reverse.
/// </summary>
public sealed class ConsumerGroupGrain(IStreamViewProvider streams, Keyspace.Keyspace keyspace) : Grain, IConsumerGroupGrain
{
    public const string GrainType = "consumergroup";
    public const string JournalName = "group";

    // Compact once the records since the last snapshot are this many times the size a snapshot would have.
    private const int SnapshotGrowthFactor = 4;
    private const int MinimumJournalBytesBeforeSnapshot = 16 * 1024;

    private readonly GroupRecordWriter _writer = new();
    private IGrainJournal _journal = null!;
    private IStreamView _stream = null!;
    private string _streamKey = "";
    private string _groupName = "";
    private ConsumerGroup? _group;
    private long _journalBytes;
    private EntryInstruments? _instruments;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!ConsumerGroupKey.TryParse(GrainId.Key, out var streamKey, out var groupName))
        {
            throw new InvalidOperationException($"'{GrainId}' is not a consumer-group key (stream and group name).");
        }
        _streamKey = streamKey;
        _groupName = groupName;
        _stream = streams.GetStream(streamKey);
        _journal = Context.GetJournal(JournalName);
        _instruments = Context.Services.GetService<EntryInstruments>();
        await _journal.RecoverAsync(
            snapshot => _group = GroupJournalReplay.ReadSnapshot(snapshot.Span),
            record =>
            {
                _group = GroupJournalReplay.Apply(_group, record.Span);
                _journalBytes += record.Length;
            },
            cancellationToken);

        if (_group is not null)
        {
            // Keyspace generations are not unique across restarts, so ask the stream whether this registration survives.
            var registration = await _stream.GetGroupAsync(_groupName, TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            if (registration.Status != StreamGroupStatus.Ok
                || registration.GroupStamp != _group.Stamp
                || registration.Metadata.KeyGeneration != _group.KeyGeneration)
            {
                await ForgetGroupAsync();
            }
        }
        PublishGauges();
    }

    public async ValueTask<ConsumerGroupStatus> ExistsAsync(long nowMs)
        => await EnsureCurrentAsync(nowMs) ? ConsumerGroupStatus.Ok : AbsentStatus(nowMs);

    public async ValueTask<ConsumerGroupStatus> CreateAsync(StreamId? startId, long entriesRead, bool makeStream, long nowMs)
    {
        if (await EnsureCurrentAsync(nowMs)) return ConsumerGroupStatus.GroupExists;

        var registration = await _stream.RegisterGroupAsync(_groupName, makeStream, nowMs);
        switch (registration.Status)
        {
            case StreamGroupStatus.Ok:
            // Registered while this grain holds no group: a registration left behind by a crash. Adopt it.
            case StreamGroupStatus.AlreadyExists:
                break;
            case StreamGroupStatus.WrongType:
                return ConsumerGroupStatus.WrongType;
            default:
                return ConsumerGroupStatus.NoKey;
        }

        var stream = registration.Metadata;
        _group = new ConsumerGroup(stream.KeyGeneration, registration.GroupStamp, startId ?? stream.LastId, entriesRead);
        Append(GroupRecords.Created(_writer, _group));
        await CommitAsync();
        return ConsumerGroupStatus.Ok;
    }

    public async ValueTask<ConsumerGroupStatus> SetIdAsync(StreamId? lastId, long entriesRead, long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return AbsentStatus(nowMs);

        StreamId id;
        if (lastId is { } given)
        {
            id = given;
        }
        else
        {
            var metadata = await _stream.GetMetadataAsync(nowMs);
            var status = await CheckStreamAsync(metadata.Status, metadata.Metadata);
            if (status != ConsumerGroupStatus.Ok) return status;
            id = metadata.Metadata.LastId;
        }

        var group = _group!;
        group.Cursor.Set(id, entriesRead);
        Append(GroupRecords.CursorSet(_writer, group.Cursor));
        await CommitAsync();
        return ConsumerGroupStatus.Ok;
    }

    public async ValueTask<GroupCountResult> DestroyAsync(long nowMs)
    {
        var existed = await EnsureCurrentAsync(nowMs);
        if (!existed && AbsentStatus(nowMs) is var absent and not ConsumerGroupStatus.NoGroup) return new GroupCountResult(absent, 0);

        var registration = await _stream.UnregisterGroupAsync(_groupName, nowMs);
        if (_group is not null) await ForgetGroupAsync();
        return registration.Status switch
        {
            StreamGroupStatus.NoKey => new GroupCountResult(ConsumerGroupStatus.NoKey, 0),
            StreamGroupStatus.WrongType => new GroupCountResult(ConsumerGroupStatus.WrongType, 0),
            // A registration without state here (left by a crash) is still a group to its stream.
            _ => new GroupCountResult(ConsumerGroupStatus.Ok, existed || registration.Status == StreamGroupStatus.Ok ? 1 : 0),
        };
    }

    public async ValueTask<GroupCountResult> CreateConsumerAsync(string consumer, long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new GroupCountResult(AbsentStatus(nowMs), 0);

        if (!_group!.TryAddConsumer(consumer, nowMs)) return new GroupCountResult(ConsumerGroupStatus.Ok, 0);
        Append(GroupRecords.ConsumerCreated(_writer, consumer, nowMs));
        await CommitAsync();
        return new GroupCountResult(ConsumerGroupStatus.Ok, 1);
    }

    public async ValueTask<GroupCountResult> DeleteConsumerAsync(string consumer, long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new GroupCountResult(AbsentStatus(nowMs), 0);

        var group = _group!;
        if (group.FindConsumer(consumer) is null) return new GroupCountResult(ConsumerGroupStatus.Ok, 0);
        var pending = group.RemoveConsumer(consumer);
        Append(GroupRecords.ConsumerDeleted(_writer, consumer));
        await CommitAsync();
        return new GroupCountResult(ConsumerGroupStatus.Ok, pending);
    }

    public async ValueTask<GroupReadResult> ReadAsync(GroupReadRequest request)
    {
        var now = request.NowMs;
        if (!await EnsureCurrentAsync(now)) return GroupReadResult.Failed(AbsentStatus(now));
        // Redis stands for ">" with the greatest ID, so that ID given explicitly reads new entries too.
        if (request.HistoryAfter is { } after && after != StreamId.Max) return await ReadHistoryAsync(request, after);

        var read = await _stream.ReadAfterAsync(_group!.Cursor.LastDeliveredId, request.Count, now);
        var status = await CheckStreamAsync(read.Status, read.Metadata);
        if (status != ConsumerGroupStatus.Ok) return GroupReadResult.Failed(status);

        var group = _group!;
        var consumer = group.Touch(request.Consumer, now, out var created);
        NewEntryDelivery.Deliver(group, consumer, read.Entries, read.Metadata, request.NoAck, now);
        Append(GroupRecords.ConsumerSeen(_writer, request.Consumer, now));
        if (read.Entries.Count > 0)
        {
            StreamId[] pendingIds = request.NoAck ? [] : IdsOf(read.Entries);
            Append(GroupRecords.Delivered(_writer, request.Consumer, now, group.Cursor, pendingIds));
        }
        await CommitAsync();
        _instruments?.Delivered(read.Entries.Count, history: false);
        return new GroupReadResult(ConsumerGroupStatus.Ok, read.Entries.Count > 0, read.Entries, created);
    }

    public async ValueTask<GroupCountResult> AcknowledgeAsync(StreamId[] ids, long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new GroupCountResult(AbsentStatus(nowMs), 0);

        var group = _group!;
        var acknowledged = new List<StreamId>();
        foreach (var id in ids)
        {
            if (group.Acknowledge(id)) acknowledged.Add(id);
        }
        if (acknowledged.Count > 0)
        {
            Append(GroupRecords.Acknowledged(_writer, acknowledged));
            await CommitAsync();
            _instruments?.Acknowledged(acknowledged.Count);
        }
        return new GroupCountResult(ConsumerGroupStatus.Ok, acknowledged.Count);
    }

    public async ValueTask<PendingSummary> GetPendingSummaryAsync(long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new PendingSummary(AbsentStatus(nowMs), 0, StreamId.Zero, StreamId.Zero, []);
        return PendingQueries.Summary(_group!);
    }

    public async ValueTask<PendingRangeResult> GetPendingRangeAsync(PendingRangeRequest request)
    {
        if (!await EnsureCurrentAsync(request.NowMs)) return new PendingRangeResult(AbsentStatus(request.NowMs), []);
        return PendingQueries.Range(_group!, request);
    }

    public async ValueTask<ClaimResult> ClaimAsync(ClaimRequest request)
    {
        var now = request.NowMs;
        if (!await EnsureCurrentAsync(now)) return ClaimResult.Failed(AbsentStatus(now));

        var read = await _stream.GetEntriesAsync(request.Ids, now);
        var status = await CheckStreamAsync(read.Status, read.Metadata);
        if (status != ConsumerGroupStatus.Ok) return ClaimResult.Failed(status);

        var group = _group!;
        var consumer = group.Touch(request.Consumer, now, out _);
        var cursorBefore = group.Cursor.LastDeliveredId;
        var outcome = ExplicitClaim.Claim(group, consumer, request, read.Entries);

        Append(GroupRecords.ConsumerSeen(_writer, request.Consumer, now));
        if (group.Cursor.LastDeliveredId != cursorBefore) Append(GroupRecords.CursorSet(_writer, group.Cursor));
        AppendClaim(request.Consumer, now, outcome);
        await CommitAsync();
        _instruments?.Claimed(outcome.Claimed.Count, automatic: false);

        var entries = request.JustId ? StreamEntries.Empty : EntrySelection.Select(read.Entries, outcome.ClaimedEntryIndexes);
        return new ClaimResult(ConsumerGroupStatus.Ok, outcome.Claimed, entries);
    }

    public async ValueTask<AutoClaimResult> AutoClaimAsync(AutoClaimRequest request)
    {
        var now = request.NowMs;
        if (!await EnsureCurrentAsync(now)) return AutoClaimResult.Failed(AbsentStatus(now));

        var candidates = AutoClaimScan.Plan(_group!, request);
        var entries = StreamEntries.Empty;
        if (candidates.Length > 0)
        {
            var read = await _stream.GetEntriesAsync(candidates, now);
            var status = await CheckStreamAsync(read.Status, read.Metadata);
            if (status != ConsumerGroupStatus.Ok) return AutoClaimResult.Failed(status);
            entries = read.Entries;
        }

        var group = _group!;
        var consumer = group.Touch(request.Consumer, now, out _);
        var outcome = AutoClaimScan.Claim(group, consumer, request, candidates, entries);

        Append(GroupRecords.ConsumerSeen(_writer, request.Consumer, now));
        AppendClaim(request.Consumer, now, outcome);
        await CommitAsync();
        _instruments?.Claimed(outcome.Claimed.Count, automatic: true);

        var claimedEntries = request.JustId ? StreamEntries.Empty : EntrySelection.Select(entries, outcome.ClaimedEntryIndexes);
        return new AutoClaimResult(ConsumerGroupStatus.Ok, outcome.NextCursor, outcome.Claimed, claimedEntries, outcome.Removed);
    }

    public async ValueTask<GroupSummaryResult> GetSummaryAsync(long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new GroupSummaryResult(AbsentStatus(nowMs), null);

        var metadata = await _stream.GetMetadataAsync(nowMs);
        var status = await CheckStreamAsync(metadata.Status, metadata.Metadata);
        if (status != ConsumerGroupStatus.Ok) return new GroupSummaryResult(status, null);
        return new GroupSummaryResult(ConsumerGroupStatus.Ok, GroupReports.Summary(_groupName, _group!, metadata.Metadata));
    }

    public async ValueTask<ConsumersResult> GetConsumersAsync(long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new ConsumersResult(AbsentStatus(nowMs), []);
        return new ConsumersResult(ConsumerGroupStatus.Ok, GroupReports.Consumers(_group!, nowMs));
    }

    public async ValueTask<GroupDetailsResult> GetDetailsAsync(long count, long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new GroupDetailsResult(AbsentStatus(nowMs), null);

        var metadata = await _stream.GetMetadataAsync(nowMs);
        var status = await CheckStreamAsync(metadata.Status, metadata.Metadata);
        if (status != ConsumerGroupStatus.Ok) return new GroupDetailsResult(status, null);
        return new GroupDetailsResult(ConsumerGroupStatus.Ok, GroupReports.Details(_groupName, _group!, metadata.Metadata, count));
    }

    private async ValueTask<GroupReadResult> ReadHistoryAsync(GroupReadRequest request, StreamId after)
    {
        var now = request.NowMs;
        var ids = HistoryRedelivery.Plan(_group!.FindConsumer(request.Consumer), after, request.Count);
        var entries = StreamEntries.Empty;
        if (ids.Length > 0)
        {
            var read = await _stream.GetEntriesAsync(ids, now);
            var status = await CheckStreamAsync(read.Status, read.Metadata);
            if (status != ConsumerGroupStatus.Ok) return GroupReadResult.Failed(status);
            entries = read.Entries;
        }

        var group = _group!;
        group.Touch(request.Consumer, now, out var created);
        var redelivered = HistoryRedelivery.Redeliver(group, entries, now);
        Append(GroupRecords.ConsumerSeen(_writer, request.Consumer, now));
        if (redelivered.Count > 0) Append(GroupRecords.Redelivered(_writer, now, redelivered));
        await CommitAsync();
        _instruments?.Delivered(redelivered.Count, history: true);
        return new GroupReadResult(ConsumerGroupStatus.Ok, Served: true, entries, created);
    }

    /// <summary>
    /// True when the group exists for the stream key's current life. A group whose key was deleted, expired or
    /// re-created (as a stream or another type) since it was made is forgotten, so it never comes back.
    /// </summary>
    private async ValueTask<bool> EnsureCurrentAsync(long nowMs)
    {
        if (_group is null) return false;
        if (keyspace.TryGet(_streamKey, nowMs, out var key) && key.Type == KeyType.Stream && key.Generation == _group.KeyGeneration) return true;
        await ForgetGroupAsync();
        return false;
    }

    /// <summary>Checks a stream answer came from the key's life this group belongs to; forgets the group if not.</summary>
    private async ValueTask<ConsumerGroupStatus> CheckStreamAsync(StreamStatus status, StreamMetadata stream)
    {
        if (status == StreamStatus.Ok && _group is not null && stream.KeyGeneration == _group.KeyGeneration) return ConsumerGroupStatus.Ok;
        if (_group is not null) await ForgetGroupAsync();
        return status switch
        {
            StreamStatus.WrongType => ConsumerGroupStatus.WrongType,
            StreamStatus.NoKey => ConsumerGroupStatus.NoKey,
            _ => ConsumerGroupStatus.NoGroup,
        };
    }

    private ConsumerGroupStatus AbsentStatus(long nowMs) => keyspace.TypeOf(_streamKey, nowMs) switch
    {
        KeyType.None => ConsumerGroupStatus.NoKey,
        KeyType.Stream => ConsumerGroupStatus.NoGroup,
        _ => ConsumerGroupStatus.WrongType,
    };

    private async ValueTask ForgetGroupAsync()
    {
        _group = null;
        await _journal.SnapshotAsync(GroupRecords.Snapshot(_writer, null));
        _journalBytes = 0;
        _instruments?.Gauges.RemoveGroup(_streamKey, _groupName);
    }

    private void AppendClaim(string consumer, long nowMs, ClaimOutcome outcome)
    {
        if (outcome.Removed.Count > 0) Append(GroupRecords.Acknowledged(_writer, outcome.Removed));
        if (outcome.Claimed.Count > 0) Append(GroupRecords.Claimed(_writer, consumer, nowMs, outcome));
    }

    private void Append(ReadOnlySpan<byte> record)
    {
        _journal.Append(record);
        _journalBytes += record.Length;
    }

    private async ValueTask CommitAsync()
    {
        await _journal.CommitAsync();
        if (_journalBytes > Math.Max(MinimumJournalBytesBeforeSnapshot, SnapshotGrowthFactor * EstimatedSnapshotBytes()))
        {
            await _journal.SnapshotAsync(GroupRecords.Snapshot(_writer, _group));
            _journalBytes = 0;
        }
        PublishGauges();
    }

    /// <summary>Hands the pending and lag gauges this turn's outcome (they never read the group off-turn).</summary>
    private void PublishGauges()
    {
        if (_group is { } group) _instruments?.Gauges.PublishGroup(_streamKey, _groupName, group.Pending.Count, group.Cursor.LastDeliveredId, group.Cursor.EntriesRead);
    }

    private long EstimatedSnapshotBytes()
        => _group is null ? 0 : 64 + (36L * _group.Pending.Count) + (32L * _group.Consumers.Count);

    private static StreamId[] IdsOf(StreamEntries entries)
    {
        var ids = new StreamId[entries.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = entries.IdAt(i);
        return ids;
    }
}
