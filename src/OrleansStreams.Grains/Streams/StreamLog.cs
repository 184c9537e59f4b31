using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Streams;

/// <summary>
/// The entries of one stream in ID order, kept in <see cref="StreamNode"/>s that follow Redis's node rules, with
/// the stream's counters. Plain domain logic: no I/O, no clock (callers pass the time), no locking (it lives
/// inside one grain).
/// </summary>
internal sealed class StreamLog
{
    /// <summary>Redis refuses an entry whose fields and values exceed this (a listpack's 32-bit limit).</summary>
    public const long MaxEntryPayload = 1L << 30;

    private const long MaxApproximateTrimLimit = 1_000_000;
    private const long FallbackApproximateTrimLimit = 10_000;

    private readonly List<StreamNode> _nodes = [];
    private readonly List<NodeEntry> _scratch = [];

    // The last live entry's ID, kept so blocked readers polling a busy stream need not scan the tail node.
    private StreamId? _lastLiveId;

    public long Length { get; private set; }

    /// <summary>The greatest ID ever generated, kept after deletes; moved by XSETID.</summary>
    public StreamId LastId { get; private set; }

    /// <summary>The first live entry, 0-0 when empty.</summary>
    public StreamId FirstId { get; private set; }

    /// <summary>The greatest ID ever removed by XDEL (trimming does not count).</summary>
    public StreamId MaxDeletedId { get; private set; }

    public long EntriesAdded { get; private set; }

    public int NodeCount => _nodes.Count;

    public IReadOnlyList<StreamNode> Nodes => _nodes;

    /// <summary>Bytes held by the node buffers (the journal compares itself with this).</summary>
    public long BufferBytes
    {
        get
        {
            long total = 0;
            foreach (var node in _nodes) total += node.Length;
            return total;
        }
    }

    /// <summary>XADD's ID choice and checks (after the key checks), then the append.</summary>
    public StreamAddStatus TryAdd(StreamIdMode mode, StreamId requested, StreamFields fields, long nowMs, StreamSettings settings, out StreamId id)
    {
        var status = TryChooseId(LastId, mode, requested, fields, nowMs, out id);
        if (status == StreamAddStatus.Added) Append(id, fields, settings);
        return status;
    }

    /// <summary>
    /// The ID an XADD would get after <paramref name="lastId"/>, or why it cannot be added; changes nothing, so a
    /// batch can be checked entry by entry before any of it is appended.
    /// </summary>
    public static StreamAddStatus TryChooseId(StreamId lastId, StreamIdMode mode, StreamId requested, StreamFields fields, long nowMs, out StreamId id)
    {
        id = default;
        if (lastId == StreamId.Max) return StreamAddStatus.IdExhausted;
        switch (mode)
        {
            case StreamIdMode.Auto:
                var now = (ulong)Math.Max(nowMs, 0);
                if (now > lastId.Ms) id = new StreamId(now, 0);
                else lastId.TryIncrement(out id);
                break;
            case StreamIdMode.AutoSequence:
                if (requested.Ms == lastId.Ms)
                {
                    if (lastId.Seq == ulong.MaxValue) return StreamAddStatus.IdNotGreater;
                    id = new StreamId(lastId.Ms, lastId.Seq + 1);
                }
                else
                {
                    id = new StreamId(requested.Ms, 0);
                }
                break;
            default:
                id = requested;
                break;
        }
        if (id <= lastId) return StreamAddStatus.IdNotGreater;
        if (fields.PayloadBytes > MaxEntryPayload) return StreamAddStatus.TooLarge;
        return StreamAddStatus.Added;
    }

    /// <summary>Appends an entry with an ID already known to be greater than <see cref="LastId"/> (also used by replay).</summary>
    public void Append(StreamId id, StreamFields fields, StreamSettings settings)
    {
        var tail = _nodes.Count > 0 ? _nodes[^1] : null;
        if (tail is not null && IsFull(tail, fields.PayloadBytes, settings))
        {
            tail.Seal();
            tail = null;
        }
        if (tail is null) _nodes.Add(StreamNode.Create(id, fields));
        else tail.Append(id, fields);
        if (Length == 0) FirstId = id;
        Length++;
        EntriesAdded++;
        LastId = id;
        _lastLiveId = id;
    }

    /// <summary>
    /// MAXLEN/MINID trimming as Redis's streamTrim: whole nodes go from the head while they can; exact trimming then
    /// flags entries of the first remaining node as deleted, approximate trimming stops there. Returns the count removed.
    /// </summary>
    public long Trim(in StreamTrimOptions options, long nodeMaxEntries)
    {
        if (options.IsNone) return 0;
        var limit = ResolveLimit(options, nodeMaxEntries);
        var maxLen = options.Strategy == StreamTrimStrategy.MaxLen ? (ulong)options.MaxLen : 0;
        long removed = 0;
        var removedNodes = 0;
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (options.Strategy == StreamTrimStrategy.MaxLen && (ulong)Length <= maxLen) break;
            var node = _nodes[i];
            var entries = node.LiveCount;
            if (limit != 0 && removed + entries > limit) break;
            var removeNode = options.Strategy == StreamTrimStrategy.MaxLen
                ? (ulong)(Length - entries) >= maxLen
                : node.LastId < options.MinId;
            if (removeNode)
            {
                removedNodes++;
                Length -= entries;
                removed += entries;
                continue;
            }
            if (options.Approximate) break;
            removed += options.Strategy == StreamTrimStrategy.MaxLen
                ? FlagHead(node, stopAt: null, (long)Math.Min((ulong)Length - maxLen, (ulong)entries))
                : FlagHead(node, options.MinId, long.MaxValue);
            break;
        }
        if (removedNodes > 0) _nodes.RemoveRange(0, removedNodes);
        if (removed > 0) _lastLiveId = null;
        RefreshFirstId();
        return removed;
    }

    /// <summary>Replays a trim recorded as "everything below <paramref name="firstKept"/> is gone".</summary>
    public void TrimBefore(StreamId firstKept) => Trim(StreamTrimOptions.ByMinId(firstKept, limit: 0), 0);

    /// <summary>XDEL: flags each live entry; a node whose last live entry goes is freed.</summary>
    public long Delete(ReadOnlySpan<StreamId> ids)
    {
        long deleted = 0;
        var firstWent = false;
        foreach (var id in ids)
        {
            var index = FindNode(id);
            if (index < 0) continue;
            var node = _nodes[index];
            if (!node.TryFind(id, out var entry) || entry.IsDeleted) continue;
            if (node.LiveCount == 1) _nodes.RemoveAt(index);
            else node.MarkDeleted(entry);
            Length--;
            deleted++;
            if (id == FirstId) firstWent = true;
            if (id > MaxDeletedId) MaxDeletedId = id;
        }
        if (deleted > 0)
        {
            _lastLiveId = null;
            if (Length == 0 || firstWent) RefreshFirstId();
        }
        return deleted;
    }

    /// <summary>XSETID's checks on the stream (7.2+ order), then the update.</summary>
    public StreamSetIdStatus TrySetId(StreamId lastId, long entriesAdded, StreamId maxDeletedId)
    {
        if (lastId < MaxDeletedId) return StreamSetIdStatus.SmallerThanMaxDeleted;
        if (Length > 0)
        {
            TryGetLastLiveId(out var top);
            if (lastId < top) return StreamSetIdStatus.SmallerThanTop;
            if (entriesAdded != -1 && Length > entriesAdded) return StreamSetIdStatus.EntriesAddedTooSmall;
        }
        SetCounters(lastId, entriesAdded, maxDeletedId);
        return StreamSetIdStatus.Ok;
    }

    /// <summary>Applies XSETID's values without checks (replay).</summary>
    public void SetCounters(StreamId lastId, long entriesAdded, StreamId maxDeletedId)
    {
        LastId = lastId;
        if (entriesAdded != -1) EntriesAdded = entriesAdded;
        if (!maxDeletedId.IsZero) MaxDeletedId = maxDeletedId;
    }

    /// <summary>Live entries with start ≤ ID ≤ end, ascending or descending, at most <paramref name="count"/> (0 = all).</summary>
    public int Range(StreamId start, StreamId end, long count, bool reverse, StreamEntriesBuilder output)
    {
        if (Length == 0 || start > end) return 0;
        return reverse ? RangeBackward(start, end, count, output) : RangeForward(start, end, count, output);
    }

    /// <summary>Copies the entry with this ID if it is live; false otherwise.</summary>
    public bool TryCopyEntry(StreamId id, StreamEntriesBuilder output)
    {
        var index = FindNode(id);
        if (index < 0) return false;
        var node = _nodes[index];
        if (!node.TryFind(id, out var entry) || entry.IsDeleted) return false;
        node.CopyTo(entry, output);
        return true;
    }

    /// <summary>The last live entry's ID (Redis's streamLastValidID).</summary>
    public bool TryGetLastLiveId(out StreamId id)
    {
        _lastLiveId ??= FindLastLiveId();
        id = _lastLiveId.Value;
        return Length > 0;
    }

    private StreamId FindLastLiveId()
    {
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            if (_nodes[i].LiveCount > 0 && _nodes[i].TryGetLastLive(out var id)) return id;
        }
        return StreamId.Zero;
    }

    /// <summary>How many nodes Redis's radix tree would have for these node keys (XINFO's radix-tree-nodes).</summary>
    public long RadixTreeNodeCount()
    {
        var keys = new UInt128[_nodes.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = new UInt128(_nodes[i].MasterId.Ms, _nodes[i].MasterId.Seq);
        return RadixTreeShape.CountNodes(keys);
    }

    /// <summary>Restores a node from a snapshot; nodes come in ID order.</summary>
    public void RestoreNode(StreamNode node)
    {
        _nodes.Add(node);
        Length += node.LiveCount;
        _lastLiveId = null;
    }

    /// <summary>Restores the counters from a snapshot, after its nodes.</summary>
    public void RestoreCounters(StreamId lastId, StreamId maxDeletedId, long entriesAdded)
    {
        LastId = lastId;
        MaxDeletedId = maxDeletedId;
        EntriesAdded = entriesAdded;
        RefreshFirstId();
    }

    private static long ResolveLimit(in StreamTrimOptions options, long nodeMaxEntries)
    {
        if (options.Limit != StreamTrimOptions.DefaultLimit) return options.Limit;
        if (!options.Approximate) return 0;
        var limit = nodeMaxEntries > MaxApproximateTrimLimit / 100 ? MaxApproximateTrimLimit + 1 : 100 * nodeMaxEntries;
        if (limit <= 0) return FallbackApproximateTrimLimit;
        return Math.Min(limit, MaxApproximateTrimLimit);
    }

    private static bool IsFull(StreamNode tail, long payloadBytes, StreamSettings settings)
    {
        var maxBytes = settings.NodeMaxBytes;
        if (maxBytes == 0 || maxBytes > MaxEntryPayload) maxBytes = MaxEntryPayload;
        if (tail.ListpackBytes + payloadBytes >= maxBytes) return true;
        var maxEntries = settings.NodeMaxEntries;
        return maxEntries != 0 && tail.EntryCount >= maxEntries;
    }

    /// <summary>Flags live entries from the node's head: those below <paramref name="stopAt"/>, or the first <paramref name="quota"/>.</summary>
    private long FlagHead(StreamNode node, StreamId? stopAt, long quota)
    {
        long flagged = 0;
        var previous = node.MasterId;
        for (var offset = node.EntriesStart; offset < node.Length && flagged < quota;)
        {
            var entry = node.ReadEntry(offset, previous);
            if (stopAt is { } minId && entry.Id >= minId) break;
            if (!entry.IsDeleted)
            {
                node.MarkDeleted(entry);
                Length--;
                flagged++;
            }
            previous = entry.Id;
            offset = entry.End;
        }
        return flagged;
    }

    private void RefreshFirstId()
    {
        FirstId = default;
        if (Length == 0) return;
        foreach (var node in _nodes)
        {
            if (node.LiveCount > 0 && node.TryGetFirstLive(out var id))
            {
                FirstId = id;
                return;
            }
        }
    }

    /// <summary>The index of the node that would hold <paramref name="id"/>: the last whose master ID is ≤ it; -1 if none.</summary>
    private int FindNode(StreamId id)
    {
        int low = 0, high = _nodes.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (_nodes[middle].MasterId <= id)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }

    private int RangeForward(StreamId start, StreamId end, long count, StreamEntriesBuilder output)
    {
        var emitted = 0;
        for (var i = Math.Max(FindNode(start), 0); i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            if (node.LastId < start) continue;
            var previous = node.MasterId;
            for (var offset = node.EntriesStart; offset < node.Length;)
            {
                var entry = node.ReadEntry(offset, previous);
                if (entry.Id > end) return emitted;
                if (!entry.IsDeleted && entry.Id >= start)
                {
                    node.CopyTo(entry, output);
                    if (++emitted == count) return emitted;
                }
                previous = entry.Id;
                offset = entry.End;
            }
        }
        return emitted;
    }

    private int RangeBackward(StreamId start, StreamId end, long count, StreamEntriesBuilder output)
    {
        var emitted = 0;
        for (var i = FindNode(end); i >= 0; i--)
        {
            var node = _nodes[i];
            if (node.LiveCount == 0) continue;
            _scratch.Clear();
            var previous = node.MasterId;
            for (var offset = node.EntriesStart; offset < node.Length;)
            {
                var entry = node.ReadEntry(offset, previous);
                if (entry.Id > end) break;
                _scratch.Add(entry);
                previous = entry.Id;
                offset = entry.End;
            }
            for (var j = _scratch.Count - 1; j >= 0; j--)
            {
                var entry = _scratch[j];
                if (entry.Id < start) return emitted;
                if (entry.IsDeleted) continue;
                node.CopyTo(entry, output);
                if (++emitted == count) return emitted;
            }
        }
        return emitted;
    }
}
