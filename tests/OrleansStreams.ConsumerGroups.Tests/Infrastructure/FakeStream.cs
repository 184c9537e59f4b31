using System.Text;
using OrleansStreams.Keys;
using OrleansStreams.Streams;
using KeyDirectory = OrleansStreams.Grains.Keyspace.Keyspace;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>
/// An in-memory stream with Redis's counters (reference section 1) and a group registry, owning its key in the
/// keyspace like the stream grain does. Deleting entries (XDEL) moves MaxDeletedId; trimming does not.
/// </summary>
public sealed class FakeStream(KeyDirectory keyspace, string key) : IStreamView
{
    private readonly SortedDictionary<StreamId, string[]> _entries = [];
    private readonly SortedDictionary<string, long> _groups = new(StringComparer.Ordinal);
    private long _generation;
    private long _nextStamp = 1;

    public StreamId LastId { get; private set; }

    public StreamId MaxDeletedId { get; private set; }

    public long EntriesAdded { get; private set; }

    public int Length => _entries.Count;

    public bool Exists => _generation != 0;

    /// <summary>How many calls consumer groups made to this stream.</summary>
    public int Calls { get; private set; }

    public StreamMetadata Metadata => new(
        Length, LastId, _entries.Count == 0 ? StreamId.Zero : _entries.Keys.First(), MaxDeletedId, EntriesAdded, 0, _groups.Count, 0, _generation);

    public IReadOnlyCollection<string> Groups => _groups.Keys;

    /// <summary>XADD with an explicit ID ("5-1" or "5").</summary>
    public FakeStream Add(string id, params string[] fieldsAndValues)
    {
        var parsed = Ids.Parse(id);
        EnsureCreated();
        if (parsed <= LastId) throw new InvalidOperationException($"{id} is not above the last ID {LastId}.");
        _entries.Add(parsed, fieldsAndValues);
        LastId = parsed;
        EntriesAdded++;
        return this;
    }

    /// <summary>XDEL.</summary>
    public void Delete(params string[] ids)
    {
        foreach (var id in Ids.ParseAll(ids))
        {
            if (_entries.Remove(id) && id > MaxDeletedId) MaxDeletedId = id;
        }
    }

    /// <summary>XTRIM MAXLEN = n.</summary>
    public void TrimToLength(int maxLength)
    {
        while (_entries.Count > maxLength) _entries.Remove(_entries.Keys.First());
    }

    /// <summary>XTRIM MINID = id.</summary>
    public void TrimBelow(string minId)
    {
        var min = Ids.Parse(minId);
        while (_entries.Count > 0 && _entries.Keys.First() < min) _entries.Remove(_entries.Keys.First());
    }

    /// <summary>XGROUP CREATE ... MKSTREAM on a missing key, as the stream grain would do it.</summary>
    public void EnsureCreated()
    {
        if (Exists) return;
        var claim = keyspace.TryClaim(key, KeyType.Stream, 0);
        if (!claim.Succeeded) throw new InvalidOperationException($"'{key}' holds a {claim.ExistingType}.");
        _generation = claim.Generation;
    }

    /// <summary>DEL: the key goes away with its entries, counters and groups.</summary>
    public void DeleteKey()
    {
        keyspace.Release(key, _generation);
        _generation = 0;
        _entries.Clear();
        _groups.Clear();
        LastId = MaxDeletedId = StreamId.Zero;
        EntriesAdded = 0;
    }

    /// <summary>Drops a group registration behind the group grain's back (a stream restored without it).</summary>
    public void ForgetGroup(string group) => _groups.Remove(group);

    public ValueTask<StreamReadResult> ReadAfterAsync(StreamId after, long count, long nowMs)
    {
        if (!TryStatus(out var status)) return new(Failed(status));
        var builder = new StreamEntriesBuilder();
        foreach (var (id, items) in _entries)
        {
            if (id <= after) continue;
            if (count > 0 && builder.Count >= count) break;
            AddEntry(builder, id, items);
        }
        return new(new StreamReadResult(StreamStatus.Ok, builder.Build(), Metadata));
    }

    public ValueTask<StreamReadResult> GetEntriesAsync(StreamId[] ids, long nowMs)
    {
        if (!TryStatus(out var status)) return new(Failed(status));
        var builder = new StreamEntriesBuilder();
        foreach (var id in ids)
        {
            if (_entries.TryGetValue(id, out var items)) AddEntry(builder, id, items);
            else builder.AddMissing(id);
        }
        return new(new StreamReadResult(StreamStatus.Ok, builder.Build(), Metadata));
    }

    /// <summary>XADD as the stream grain does it, for explicit and automatic IDs (the clock reading is the ms part).</summary>
    public ValueTask<StreamAddResult> AddAsync(StreamAddRequest request)
    {
        if (!TryStatus(out var status))
        {
            if (status == StreamStatus.WrongType) return new(new StreamAddResult(StreamAddStatus.WrongType, default));
            if (request.NoMakeStream) return new(new StreamAddResult(StreamAddStatus.NoStream, default));
            EnsureCreated();
        }
        var id = request.IdMode switch
        {
            StreamIdMode.Explicit => request.Id,
            _ => (ulong)request.NowMs > LastId.Ms ? new StreamId((ulong)request.NowMs, 0) : new StreamId(LastId.Ms, LastId.Seq + 1),
        };
        if (id <= LastId) return new(new StreamAddResult(StreamAddStatus.IdNotGreater, default));
        var items = new string[request.Fields.PairCount * 2];
        var reader = request.Fields.GetReader();
        for (var i = 0; i < items.Length; i++) items[i] = Encoding.Latin1.GetString(reader.Next());
        _entries.Add(id, items);
        LastId = id;
        EntriesAdded++;
        Adds++;
        return new(new StreamAddResult(StreamAddStatus.Added, id));
    }

    /// <summary>How many entries consumer groups appended (dead letters).</summary>
    public int Adds { get; private set; }

    /// <summary>Every entry as "id field value ...", in ID order.</summary>
    public string[] Show()
        => [.. _entries.Select(e => string.Join(' ', [e.Key.ToString(), .. e.Value]))];

    public ValueTask<StreamMetadataResult> GetMetadataAsync(long nowMs)
        => new(TryStatus(out var status) ? new StreamMetadataResult(StreamStatus.Ok, Metadata) : new StreamMetadataResult(status, StreamMetadata.Empty));

    public ValueTask<StreamGroupResult> RegisterGroupAsync(string group, bool makeStream, long nowMs)
    {
        if (!TryStatus(out var status))
        {
            if (status != StreamStatus.NoKey || !makeStream) return new(GroupFailure(status));
            EnsureCreated();
        }
        if (_groups.TryGetValue(group, out var stamp)) return new(new StreamGroupResult(StreamGroupStatus.AlreadyExists, stamp, Metadata));
        stamp = _nextStamp++;
        _groups.Add(group, stamp);
        return new(new StreamGroupResult(StreamGroupStatus.Ok, stamp, Metadata));
    }

    public ValueTask<StreamGroupResult> UnregisterGroupAsync(string group, long nowMs)
    {
        if (!TryStatus(out var status)) return new(GroupFailure(status));
        return new(_groups.Remove(group, out var stamp)
            ? new StreamGroupResult(StreamGroupStatus.Ok, stamp, Metadata)
            : new StreamGroupResult(StreamGroupStatus.NotFound, 0, Metadata));
    }

    public ValueTask<StreamGroupResult> GetGroupAsync(string group, long nowMs)
    {
        if (!TryStatus(out var status)) return new(GroupFailure(status));
        return new(_groups.TryGetValue(group, out var stamp)
            ? new StreamGroupResult(StreamGroupStatus.Ok, stamp, Metadata)
            : new StreamGroupResult(StreamGroupStatus.NotFound, 0, Metadata));
    }

    private bool TryStatus(out StreamStatus status)
    {
        Calls++;
        if (!keyspace.TryGet(key, 0, out var info)) status = StreamStatus.NoKey;
        else if (info.Type != KeyType.Stream) status = StreamStatus.WrongType;
        else status = StreamStatus.Ok;
        return status == StreamStatus.Ok;
    }

    private static StreamReadResult Failed(StreamStatus status) => status == StreamStatus.WrongType ? StreamReadResult.WrongType : StreamReadResult.NoKey;

    private static StreamGroupResult GroupFailure(StreamStatus status)
        => new(status == StreamStatus.WrongType ? StreamGroupStatus.WrongType : StreamGroupStatus.NoKey, 0, StreamMetadata.Empty);

    private static void AddEntry(StreamEntriesBuilder builder, StreamId id, string[] items)
    {
        builder.BeginEntry(id, items.Length);
        foreach (var item in items) builder.AddItem(Encoding.Latin1.GetBytes(item));
    }
}
