using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Diagnostics;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Grains.Streams;

/// <summary>
/// One Redis stream key. Every mutation is one small journal record (an XADD is its ID, fields and what its trim
/// removed), replayed on activation; the journal is replaced by a snapshot once its records outgrow the live
/// state (capped streams keep appending and trimming). Appends wake clients blocked on the key.
/// </summary>
internal sealed class StreamGrain(Keyspace.Keyspace keyspace, KeyNotifications notifications, StreamSettings settings) : Grain, IStreamGrain
{
    public const string JournalName = "stream";

    private const int MinRecordsBeforeSnapshot = 64;

    private readonly OwnedKey _owned = new(keyspace, KeyType.Stream);
    private readonly StreamRecordWriter _writer = new();
    private readonly StreamState _state = new(settings);
    private IGrainJournal _journal = null!;
    private EntryInstruments? _instruments;

    // Bytes appended to the journal since its last snapshot, compared with the live state to decide compaction.
    private long _journalBytes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _owned.Key = GrainId.Key;
        _journal = Context.GetJournal(JournalName);
        _instruments = Context.Services.GetService<EntryInstruments>();
        await _journal.RecoverAsync(
            snapshot => _state.ApplySnapshot(snapshot.Span, _owned),
            record =>
            {
                _state.Apply(record.Span, _owned);
                _journalBytes += record.Length;
            },
            cancellationToken);
    }

    // A lone XADD is a batch of one: one path for committing, counting and waking readers.
    public async ValueTask<StreamAddResult> AddAsync(StreamAddRequest request) => (await AddBatchAsync([request]))[0];

    public async ValueTask<StreamAddResult[]> AddBatchAsync(StreamAddRequest[] requests)
    {
        var results = new StreamAddResult[requests.Length];
        var dirty = false;
        var created = false;
        var added = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            // An expiry that falls inside the batch clears the journal: commit what came before it first.
            if (dirty && _owned.ExpiresAtMs != 0 && requests[i].NowMs >= _owned.ExpiresAtMs)
            {
                await SaveAsync(created);
                dirty = created = false;
            }

            var outcome = await AppendAsync(requests[i]);
            results[i] = outcome.Result;
            dirty |= outcome.Dirty;
            created |= outcome.Created;
            if (outcome.Result.Status == StreamAddStatus.Added) added++;
        }

        // One commit acknowledges the whole batch; if it fails, no request in it is acknowledged.
        if (dirty) await SaveAsync(created);
        if (added > 0)
        {
            _instruments?.Appended(added);
            notifications.Signal(GrainId.Key);
        }
        return results;
    }

    /// <summary>Applies one XADD to memory and buffers its journal record; the caller commits.</summary>
    private async ValueTask<AppendOutcome> AppendAsync(StreamAddRequest request)
    {
        var nowMs = request.NowMs;
        var created = false;
        if (!await IsLiveAsync(nowMs))
        {
            if (_owned.OtherType(nowMs) != KeyType.None) return new(new(StreamAddStatus.WrongType, default), Dirty: false, Created: false);
            if (request.NoMakeStream) return new(new(StreamAddStatus.NoStream, default), Dirty: false, Created: false);
            if (!_owned.TryClaim(nowMs, out _)) return new(new(StreamAddStatus.WrongType, default), Dirty: false, Created: false);
            created = true;
            AppendClaim();
        }

        var log = _state.Log;
        var status = log.TryAdd(request.IdMode, request.Id, request.Fields, nowMs, settings, out var id);
        if (status != StreamAddStatus.Added)
        {
            // As in Redis, a key created by this call stays (empty) even when the entry is refused.
            return new(new(status, default), Dirty: created, Created: created);
        }

        _writer.Begin(StreamRecordKind.Add).Id(id).UInt((ulong)request.Fields.PairCount).Raw(request.Fields.Encoded);
        if (!request.Trim.IsNone && log.Trim(request.Trim, settings.NodeMaxEntries) > 0) _state.WriteTrimOutcome(_writer);
        else _writer.Byte(StreamRecordKind.TrimNone);
        Append(_writer.Complete());
        return new(new(StreamAddStatus.Added, id), Dirty: true, Created: created);
    }

    private readonly record struct AppendOutcome(StreamAddResult Result, bool Dirty, bool Created);

    public async ValueTask<StreamConditionalAddResult> AddIfAsync(StreamConditionalAddRequest request)
    {
        var nowMs = request.NowMs;
        var live = await IsLiveAsync(nowMs);
        if (!live && _owned.OtherType(nowMs) != KeyType.None) return new(StreamAddStatus.WrongType, [], 0);
        var log = _state.Log;
        var version = live ? log.EntriesAdded : 0;
        if (version != request.ExpectedVersion) return new(StreamAddStatus.VersionMismatch, [], version);

        // Every ID is chosen (and checked) before anything changes, so a refused entry leaves the stream untouched.
        var ids = new StreamId[request.Entries.Count];
        var last = live ? log.LastId : StreamId.Zero;
        for (var i = 0; i < ids.Length; i++)
        {
            var entry = request.Entries[i];
            var status = StreamLog.TryChooseId(last, entry.IdMode, entry.Id, entry.Fields, nowMs, out ids[i]);
            if (status != StreamAddStatus.Added) return new(status, [], version);
            last = ids[i];
        }

        var created = false;
        if (!live)
        {
            if (request.NoMakeStream) return new(StreamAddStatus.NoStream, [], 0);
            if (!_owned.TryClaim(nowMs, out _)) return new(StreamAddStatus.WrongType, [], 0);
            created = true;
            AppendClaim();
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var fields = request.Entries[i].Fields;
            log.Append(ids[i], fields, settings);
            _writer.Begin(StreamRecordKind.Add).Id(ids[i]).UInt((ulong)fields.PairCount).Raw(fields.Encoded);
            var isLast = i == ids.Length - 1;
            if (isLast && !request.Trim.IsNone && log.Trim(request.Trim, settings.NodeMaxEntries) > 0) _state.WriteTrimOutcome(_writer);
            else _writer.Byte(StreamRecordKind.TrimNone);
            Append(_writer.Complete());
        }
        // One commit for the whole batch: one journal write.
        await SaveAsync(created);
        _instruments?.Appended(ids.Length);
        notifications.Signal(GrainId.Key);
        return new(StreamAddStatus.Added, ids, log.EntriesAdded);
    }

    public async ValueTask<StreamReadResult> RangeAsync(StreamId start, StreamId end, long count, bool reverse, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs);
        var builder = new StreamEntriesBuilder();
        _state.Log.Range(start, end, count, reverse, builder);
        return Read(builder);
    }

    public async ValueTask<StreamReadResult> ReadAfterAsync(StreamId after, long count, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs);
        var builder = new StreamEntriesBuilder();
        var log = _state.Log;
        // Served only when some live entry is newer than the ID (Redis's streamLastValidID test).
        if (log.TryGetLastLiveId(out var top) && top > after && after.TryIncrement(out var start))
        {
            log.Range(start, StreamId.Max, count, reverse: false, builder);
        }
        return Read(builder);
    }

    public async ValueTask<StreamReadResult> ReadLastEntryAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs);
        var builder = new StreamEntriesBuilder();
        var log = _state.Log;
        if (!log.LastId.IsZero) log.TryCopyEntry(log.LastId, builder);
        return Read(builder);
    }

    public async ValueTask<StreamReadResult> GetEntriesAsync(StreamId[] ids, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs);
        var builder = new StreamEntriesBuilder();
        foreach (var id in ids)
        {
            if (!_state.Log.TryCopyEntry(id, builder)) builder.AddMissing(id);
        }
        return Read(builder);
    }

    public async ValueTask<StreamMetadataResult> GetMetadataAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return new(MissingStatus(nowMs), StreamMetadata.Empty);
        return new(StreamStatus.Ok, _state.Metadata(_owned.Generation));
    }

    public async ValueTask<StreamCountResult> LengthAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return new(MissingStatus(nowMs), 0);
        return new(StreamStatus.Ok, _state.Log.Length);
    }

    public async ValueTask<StreamCountResult> DeleteEntriesAsync(StreamId[] ids, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return new(MissingStatus(nowMs), 0);
        var deleted = _state.Log.Delete(ids);
        if (deleted == 0) return new(StreamStatus.Ok, 0);
        _writer.Begin(StreamRecordKind.Delete).UInt((ulong)ids.Length);
        foreach (var id in ids) _writer.Id(id);
        Append(_writer.Complete());
        // XDEL wakes nobody: it cannot make a blocked read servable.
        await SaveAsync(created: false);
        return new(StreamStatus.Ok, deleted);
    }

    public async ValueTask<StreamCountResult> TrimAsync(StreamTrimOptions trim, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return new(MissingStatus(nowMs), 0);
        var removed = _state.Log.Trim(trim, settings.NodeMaxEntries);
        if (removed == 0) return new(StreamStatus.Ok, 0);
        _writer.Begin(StreamRecordKind.Trim);
        _state.WriteTrimOutcome(_writer);
        Append(_writer.Complete());
        await SaveAsync(created: false);
        return new(StreamStatus.Ok, removed);
    }

    public async ValueTask<StreamSetIdStatus> SetIdAsync(StreamSetIdRequest request)
    {
        if (!await IsLiveAsync(request.NowMs))
        {
            return MissingStatus(request.NowMs) == StreamStatus.WrongType ? StreamSetIdStatus.WrongType : StreamSetIdStatus.NoKey;
        }
        var status = _state.Log.TrySetId(request.LastId, request.EntriesAdded, request.MaxDeletedId);
        if (status != StreamSetIdStatus.Ok) return status;
        Append(_writer.Begin(StreamRecordKind.SetId).Id(request.LastId).UInt((ulong)(request.EntriesAdded + 1)).Id(request.MaxDeletedId).Complete());
        await SaveAsync(created: false);
        return StreamSetIdStatus.Ok;
    }

    public async ValueTask<StreamInfo> GetInfoAsync(long entryCount, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return MissingStatus(nowMs) == StreamStatus.WrongType ? StreamInfo.WrongType : StreamInfo.NoKey;
        var log = _state.Log;
        var first = new StreamEntriesBuilder();
        log.Range(StreamId.Zero, StreamId.Max, 1, reverse: false, first);
        var last = new StreamEntriesBuilder();
        log.Range(StreamId.Zero, StreamId.Max, 1, reverse: true, last);
        var entries = new StreamEntriesBuilder();
        if (entryCount >= 0) log.Range(StreamId.Zero, StreamId.Max, entryCount, reverse: false, entries);
        var groups = new List<StreamGroupInfo>(_state.Groups.Count);
        foreach (var (name, stamp) in _state.Groups) groups.Add(new StreamGroupInfo(name, stamp));
        return new StreamInfo(
            StreamStatus.Ok,
            _state.Metadata(_owned.Generation),
            log.RadixTreeNodeCount(),
            first.Build(),
            last.Build(),
            entries.Build(),
            groups);
    }

    public async ValueTask<StreamGroupResult> CreateGroupAsync(string group, bool makeStream, long nowMs)
    {
        var created = false;
        if (!await IsLiveAsync(nowMs))
        {
            if (_owned.OtherType(nowMs) != KeyType.None) return GroupResult(StreamGroupStatus.WrongType, 0);
            if (!makeStream) return GroupResult(StreamGroupStatus.NoKey, 0);
            if (!_owned.TryClaim(nowMs, out _)) return GroupResult(StreamGroupStatus.WrongType, 0);
            created = true;
            AppendClaim();
        }
        if (_state.Groups.TryGetValue(group, out var existing)) return GroupResult(StreamGroupStatus.AlreadyExists, existing);
        var stamp = ++_state.GroupsGeneration;
        _state.Groups[group] = stamp;
        Append(_writer.Begin(StreamRecordKind.GroupCreate).Latin1(group).UInt((ulong)stamp).Complete());
        await SaveAsync(created);
        return GroupResult(StreamGroupStatus.Ok, stamp);
    }

    public async ValueTask<StreamGroupResult> DestroyGroupAsync(string group, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return GroupResult(MissingGroupStatus(nowMs), 0);
        if (!_state.Groups.Remove(group, out var stamp)) return GroupResult(StreamGroupStatus.NotFound, 0);
        var generation = ++_state.GroupsGeneration;
        Append(_writer.Begin(StreamRecordKind.GroupDestroy).Latin1(group).UInt((ulong)generation).Complete());
        await SaveAsync(created: false);
        // Clients blocked in XREADGROUP on this group must re-run and see NOGROUP.
        notifications.Signal(GrainId.Key);
        return GroupResult(StreamGroupStatus.Ok, stamp);
    }

    public async ValueTask<StreamGroupResult> GetGroupAsync(string group, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return GroupResult(MissingGroupStatus(nowMs), 0);
        return _state.Groups.TryGetValue(group, out var stamp)
            ? GroupResult(StreamGroupStatus.Ok, stamp)
            : GroupResult(StreamGroupStatus.NotFound, 0);
    }

    public async ValueTask<ExpireOutcome> ExpireAsync(ExpireRequest request)
    {
        if (!await IsLiveAsync(request.NowMs)) return ExpireOutcome.Missing;
        var outcome = request.Decide(_owned.ExpiresAtMs);
        if (outcome == ExpireOutcome.Deleted) await RemoveAsync();
        else if (outcome == ExpireOutcome.Applied) await SaveExpiryAsync(request.WhenMs);
        return outcome;
    }

    public async ValueTask<bool> PersistAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs) || _owned.ExpiresAtMs == 0) return false;
        await SaveExpiryAsync(0);
        return true;
    }

    public async ValueTask<bool> EvictExpiredAsync(long nowMs)
    {
        if (!_owned.Exists) return _owned.ReleaseOrphan(nowMs);
        return !await IsLiveAsync(nowMs);
    }

    public async ValueTask<bool> DeleteAsync()
    {
        if (!await IsLiveAsync(TimeProvider.GetUtcNow().ToUnixTimeMilliseconds())) return false;
        await RemoveAsync();
        return true;
    }

    /// <summary>The key ownership rule: true when this grain holds the live key; stale state is dropped and the drop journaled.</summary>
    private async ValueTask<bool> IsLiveAsync(long nowMs)
    {
        if (_owned.IsCurrent(nowMs, out var stale)) return true;
        if (stale)
        {
            _state.Clear();
            _journalBytes = 0;
            await _journal.ClearAsync();
            // An expired stream is gone for blocked XREADGROUP callers too: they re-run and see it missing.
            notifications.Signal(GrainId.Key);
        }
        return false;
    }

    private StreamStatus MissingStatus(long nowMs) => _owned.OtherType(nowMs) != KeyType.None ? StreamStatus.WrongType : StreamStatus.NoKey;

    private StreamGroupStatus MissingGroupStatus(long nowMs) => _owned.OtherType(nowMs) != KeyType.None ? StreamGroupStatus.WrongType : StreamGroupStatus.NoKey;

    private StreamReadResult Missing(long nowMs) => MissingStatus(nowMs) == StreamStatus.WrongType ? StreamReadResult.WrongType : StreamReadResult.NoKey;

    private StreamReadResult Read(StreamEntriesBuilder builder) => new(StreamStatus.Ok, builder.Build(), _state.Metadata(_owned.Generation));

    private StreamGroupResult GroupResult(StreamGroupStatus status, long stamp)
        => new(status, stamp, _owned.Exists ? _state.Metadata(_owned.Generation) : StreamMetadata.Empty);

    private async ValueTask RemoveAsync()
    {
        // The key is released only once its journal is gone: a failed delete leaves key and state as they were.
        await _journal.ClearAsync();
        _owned.Release();
        _state.Clear();
        _journalBytes = 0;
        _instruments?.Gauges.RemoveStream(GrainId.Key);
        // A blocked XREADGROUP must re-run and report the missing key; XREAD re-runs, finds nothing and waits on.
        notifications.Signal(GrainId.Key);
    }

    /// <summary>Starts a new life of the key in the journal: whatever an older life left behind no longer applies.</summary>
    private void AppendClaim() => Append(_writer.Begin(StreamRecordKind.Claim).UInt((ulong)_owned.Generation).Complete());

    private void Append(ReadOnlySpan<byte> record)
    {
        _journal.Append(record);
        _journalBytes += record.Length;
    }

    private async ValueTask SaveExpiryAsync(long expiresAtMs)
    {
        _owned.SetExpiry(expiresAtMs);
        Append(_writer.Begin(StreamRecordKind.Expiry).UInt((ulong)expiresAtMs).Complete());
        await SaveAsync(created: false);
    }

    /// <summary>Commits this turn's records, or replaces the journal by a snapshot once its records outgrow the stream.</summary>
    private async ValueTask SaveAsync(bool created)
    {
        try
        {
            if (_journal.RecordsSinceSnapshot >= MinRecordsBeforeSnapshot && _journalBytes > 2 * _state.SnapshotSize)
            {
                await _journal.SnapshotAsync(_state.EncodeSnapshot(_writer, _owned).ToArray());
                _journalBytes = 0;
            }
            else
            {
                await _journal.CommitAsync();
            }

            if (_owned.Exists) _instruments?.Gauges.PublishStream(GrainId.Key, _state.Metadata(_owned.Generation));
        }
        catch
        {
            // Memory is now ahead of storage: drop a key this turn created and let a fresh activation replay.
            if (created) _owned.Release();
            DeactivateOnIdle();
            throw;
        }
    }
}
