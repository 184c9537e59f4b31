using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansStreams.ConsumerGroups;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Diagnostics;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// One consumer group of one stream. Each call checks that the group still belongs to the live stream key (same
/// keyspace generation), asks the stream for what it needs, changes the state, journals the change and commits it
/// before replying, all in one turn. The stream is only ever called from here, never the reverse.
/// With an XGROUPPOLICY a grain timer sweeps the PEL every CLAIMIDLE/2 (<see cref="IdleClaimSweep"/>); a durable
/// reminder brings the grain back after idle collection or a restart, so sweeping never depends on a client call,
/// and while entries are pending each sweep also keeps the activation from being collected.
/// </summary>
public sealed partial class ConsumerGroupGrain(
    IStreamViewProvider streams,
    Keyspace.Keyspace keyspace,
    KeyNotifications notifications,
    ILogger<ConsumerGroupGrain> logger) : Grain, IConsumerGroupGrain, IRemindable
{
    public const string GrainType = "consumergroup";
    public const string JournalName = "group";

    /// <summary>The reminder that revives a group with a policy; its timer does the sweeping in between.</summary>
    public const string SweepReminder = "idle-claim-sweep";

    /// <summary>How often the reminder fires; it only matters after collection or a restart (it fires at start-up).</summary>
    public static readonly TimeSpan SweepReminderPeriod = TimeSpan.FromMinutes(1);

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
    private IGrainTimer? _sweepTimer;
    private TimeSpan _sweepPeriod;
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
        if (_group?.Policy is not null) StartSweeping();
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

        // With a policy, entries a sweep made reclaimable come first; new entries fill what COUNT leaves.
        var reclaimIds = ReclaimedDelivery.Plan(_group!, request.Count, now);
        var reclaimed = StreamEntries.Empty;
        StreamMetadata metadata = default;
        if (reclaimIds.Length > 0)
        {
            var marked = await _stream.GetEntriesAsync(reclaimIds, now);
            var markedStatus = await CheckStreamAsync(marked.Status, marked.Metadata);
            if (markedStatus != ConsumerGroupStatus.Ok) return GroupReadResult.Failed(markedStatus);
            reclaimed = marked.Entries;
            metadata = marked.Metadata;
        }

        var fresh = StreamEntries.Empty;
        var remaining = request.Count > 0 ? request.Count - reclaimIds.Length : 0;
        if (request.Count == 0 || remaining > 0 || reclaimIds.Length == 0)
        {
            var read = await _stream.ReadAfterAsync(_group!.Cursor.LastDeliveredId, remaining, now);
            var status = await CheckStreamAsync(read.Status, read.Metadata);
            if (status != ConsumerGroupStatus.Ok) return GroupReadResult.Failed(status);
            fresh = read.Entries;
            metadata = read.Metadata;
        }

        var group = _group!;
        var consumer = group.Touch(request.Consumer, now, out var created);
        var claim = reclaimIds.Length > 0 ? ReclaimedDelivery.Claim(group, consumer, reclaimIds, reclaimed, now) : null;
        NewEntryDelivery.Deliver(group, consumer, fresh, metadata, request.NoAck, now);
        Append(GroupRecords.ConsumerSeen(_writer, request.Consumer, now));
        if (claim is not null) AppendClaim(request.Consumer, now, claim);
        if (fresh.Count > 0)
        {
            StreamId[] pendingIds = request.NoAck ? [] : IdsOf(fresh);
            Append(GroupRecords.Delivered(_writer, request.Consumer, now, group.Cursor, pendingIds));
        }
        await CommitAsync();

        var entries = claim is null || claim.Claimed.Count == 0 ? fresh : EntrySelection.Concat(reclaimed, claim.ClaimedEntryIndexes, fresh);
        _instruments?.Delivered(entries.Count, history: false);
        return new GroupReadResult(ConsumerGroupStatus.Ok, entries.Count > 0, entries, created);
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

    public async ValueTask<ConsumerGroupStatus> SetPolicyAsync(GroupPolicy policy, long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return AbsentStatus(nowMs);

        // Stored before the policy: a crash in between leaves a reminder that finds no policy and removes itself.
        await RegisterOrUpdateReminderAsync(SweepReminder, SweepReminderPeriod);
        _group!.SetPolicy(policy);
        Append(GroupRecords.PolicySet(_writer, policy));
        await CommitAsync();
        StartSweeping();
        return ConsumerGroupStatus.Ok;
    }

    public async ValueTask<GroupPolicyResult> GetPolicyAsync(long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new GroupPolicyResult(AbsentStatus(nowMs), null);
        return new GroupPolicyResult(ConsumerGroupStatus.Ok, _group!.Policy?.Info);
    }

    public async ValueTask<GroupCountResult> DeletePolicyAsync(long nowMs)
    {
        if (!await EnsureCurrentAsync(nowMs)) return new GroupCountResult(AbsentStatus(nowMs), 0);

        var group = _group!;
        if (group.Policy is null) return new GroupCountResult(ConsumerGroupStatus.Ok, 0);
        group.SetPolicy(null);
        Append(GroupRecords.PolicyRemoved(_writer));
        await CommitAsync();
        await StopSweepingAsync();
        return new GroupCountResult(ConsumerGroupStatus.Ok, 1);
    }

    public async ValueTask ReceiveReminderAsync(string reminderName)
    {
        if (reminderName != SweepReminder) return;
        // Activation already started the timer if the group has a policy; a reminder with nothing to do goes away.
        if (_group?.Policy is null)
        {
            await StopSweepingAsync();
            return;
        }
        await SweepAsync();
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
        var hadPolicy = _group?.Policy is not null;
        _group = null;
        if (hadPolicy) await StopSweepingAsync();
        await _journal.SnapshotAsync(GroupRecords.Snapshot(_writer, null));
        _journalBytes = 0;
        _instruments?.Gauges.RemoveGroup(_streamKey, _groupName);
    }

    private void StartSweeping()
    {
        var period = IdleClaimSweep.Period(_group!.Policy!);
        if (_sweepTimer is null)
        {
            _sweepTimer = RegisterGrainTimer(static (grain, _) => grain.SweepAsync(), this, new GrainTimerCreationOptions(period, period));
        }
        else if (period != _sweepPeriod)
        {
            _sweepTimer.Change(period, period);
        }
        _sweepPeriod = period;
    }

    private async Task StopSweepingAsync()
    {
        _sweepTimer?.Dispose();
        _sweepTimer = null;
        await UnregisterReminderAsync(SweepReminder);
    }

    /// <summary>
    /// One sweep, as a turn of this grain: dead-letters exhausted entries, marks the other idle ones reclaimable,
    /// journals both, and wakes clients blocked on the stream so a waiting consumer takes the reclaimed entries.
    /// </summary>
    private async Task SweepAsync()
    {
        var now = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (!await EnsureCurrentAsync(now) || _group!.Policy is null) return;
        var group = _group;
        var policy = group.Policy;
        if (group.Pending.Count == 0) return;
        // Pending work must be swept on time, so the activation stays until the PEL is empty.
        DelayDeactivation(_sweepPeriod * 4);

        var (reclaim, deadLetter) = IdleClaimSweep.Plan(group, policy, now);
        var (deadLettered, dropped) = deadLetter.Count > 0 ? await DeadLetterAsync(deadLetter, now) : (0, 0);
        if (_group is null) return;
        foreach (var id in reclaim) group.MarkReclaimable(id);
        if (reclaim.Count > 0)
        {
            policy.Reclaimed += reclaim.Count;
            Append(GroupRecords.Reclaimable(_writer, reclaim));
        }
        if (reclaim.Count == 0 && deadLettered == 0 && dropped == 0) return;
        await CommitAsync();

        if (reclaim.Count > 0)
        {
            ConsumerGroupInstruments.Reclaimed.Add(reclaim.Count);
            notifications.Signal(_streamKey);
        }
        if (deadLettered > 0) ConsumerGroupInstruments.DeadLettered.Add(deadLettered);
    }

    /// <summary>
    /// Appends each entry to the dead-letter stream and only then journals its acknowledgement here, so a crash in
    /// between repeats the append (recognised and skipped when the entry is already there under its own ID) and never
    /// loses the entry. Returns how many were dead-lettered and how many were dropped because they left the stream;
    /// the records are committed by the caller.
    /// </summary>
    private async ValueTask<(int DeadLettered, int Dropped)> DeadLetterAsync(List<StreamId> ids, long now)
    {
        var group = _group!;
        var policy = group.Policy!;
        var read = await _stream.GetEntriesAsync([.. ids], now);
        if (await CheckStreamAsync(read.Status, read.Metadata) != ConsumerGroupStatus.Ok) return (0, 0);

        var target = streams.GetStream(policy.Settings.DeadLetterKey!);
        var done = new List<StreamId>();
        var gone = new List<StreamId>();
        for (var i = 0; i < ids.Count; i++)
        {
            var entry = read.Entries[i];
            var pending = group.Pending.Get(ids[i]);
            if (!entry.Exists)
            {
                // Nothing left to keep: it leaves the PEL as XCLAIM would drop it.
                gone.Add(ids[i]);
                continue;
            }
            var fields = DeadLetterFields.Build(entry, _streamKey, _groupName, pending.Owner.Name, pending.DeliveryCount);
            var status = await DeadLetterAppend.AppendAsync(target, ids[i], fields, _streamKey, _groupName, now);
            if (status == StreamAddStatus.Added) done.Add(ids[i]);
            // Left pending and never delivered again (it stays exhausted); the next sweep tries again.
            else LogDeadLetterRefused(logger, ids[i].ToString(), _streamKey, _groupName, status.ToString());
        }

        foreach (var id in gone) group.Acknowledge(id);
        if (gone.Count > 0) Append(GroupRecords.Acknowledged(_writer, gone));
        foreach (var id in done) group.Acknowledge(id);
        if (done.Count > 0)
        {
            policy.DeadLettered += done.Count;
            Append(GroupRecords.DeadLettered(_writer, done));
        }
        return (done.Count, gone.Count);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Entry {Id} of stream {Stream} group {Group} could not be dead-lettered ({Status}); it stays pending")]
    private static partial void LogDeadLetterRefused(ILogger logger, string id, string stream, string group, string status);

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
        => _group is null ? 0 : 64 + (36L * _group.Pending.Count) + (32L * _group.Consumers.Count) + (16L * _group.Reclaimable.Count);

    private static StreamId[] IdsOf(StreamEntries entries)
    {
        var ids = new StreamId[entries.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = entries.IdAt(i);
        return ids;
    }
}
