using OrleansStreams.Grains.Expiry;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Streams;

/// <summary>
/// Everything a stream grain keeps: the entries, the registered consumer-group names, and how the journal's
/// records and snapshot map onto them. The key's generation and expiry live in the grain's <see cref="OwnedKey"/>,
/// which replay updates too.
/// </summary>
internal sealed class StreamState(StreamSettings settings)
{
    public StreamLog Log { get; private set; } = new();

    /// <summary>Group name → the stamp of its registration, in byte order of the names (Latin-1 ordinal).</summary>
    public SortedDictionary<string, long> Groups { get; } = new(StringComparer.Ordinal);

    public long GroupsGeneration { get; set; }

    /// <summary>Roughly the bytes a snapshot would take.</summary>
    public long SnapshotSize
    {
        get
        {
            var size = 64 + Log.BufferBytes + Log.NodeCount * 48L;
            foreach (var name in Groups.Keys) size += name.Length + 12;
            return size;
        }
    }

    public void Clear()
    {
        Log = new StreamLog();
        Groups.Clear();
        GroupsGeneration = 0;
    }

    public StreamMetadata Metadata(long generation) => new(
        Log.Length,
        Log.LastId,
        Log.FirstId,
        Log.MaxDeletedId,
        Log.EntriesAdded,
        Log.NodeCount,
        Groups.Count,
        GroupsGeneration,
        generation);

    /// <summary>The trim marker of a record, describing what a trim just did so replay can redo it exactly.</summary>
    public void WriteTrimOutcome(StreamRecordWriter writer)
    {
        if (Log.Length == 0) writer.Byte(StreamRecordKind.TrimAll);
        else writer.Byte(StreamRecordKind.TrimBefore).Id(Log.FirstId);
    }

    public void Apply(ReadOnlySpan<byte> record, OwnedKey owned)
    {
        var reader = new StreamRecordReader(record);
        switch (reader.Kind)
        {
            case StreamRecordKind.Claim:
                Clear();
                owned.Recover(reader.Int64(), 0);
                break;
            case StreamRecordKind.Add:
                var id = reader.Id();
                var pairs = reader.Int32();
                if (pairs == 0) throw new JournalRecordException("A stream journal XADD record has no fields.");
                var fields = new StreamFields(pairs);
                for (var i = 0; i < pairs * 2; i++) fields.Add(reader.Bytes());
                if (id <= Log.LastId) throw new JournalRecordException($"A stream journal XADD record has ID {id}, not above {Log.LastId}.");
                Log.Append(id, fields, settings);
                ApplyTrim(ref reader);
                break;
            case StreamRecordKind.Trim:
                ApplyTrim(ref reader);
                break;
            case StreamRecordKind.Delete:
                var ids = new StreamId[reader.Int32()];
                for (var i = 0; i < ids.Length; i++) ids[i] = reader.Id();
                Log.Delete(ids);
                break;
            case StreamRecordKind.SetId:
                var lastId = reader.Id();
                var entriesAdded = reader.Int64() - 1;
                Log.SetCounters(lastId, entriesAdded, reader.Id());
                break;
            case StreamRecordKind.GroupCreate:
                var created = reader.Latin1();
                GroupsGeneration = reader.Int64();
                Groups[created] = GroupsGeneration;
                break;
            case StreamRecordKind.GroupDestroy:
                Groups.Remove(reader.Latin1());
                GroupsGeneration = reader.Int64();
                break;
            case StreamRecordKind.Expiry:
                owned.Recover(owned.Generation, reader.Int64());
                break;
            default:
                throw reader.UnknownKind();
        }
        reader.End();
    }

    public ReadOnlySpan<byte> EncodeSnapshot(StreamRecordWriter writer, OwnedKey owned)
    {
        writer.Begin(StreamRecordKind.Snapshot)
            .UInt((ulong)owned.Generation)
            .UInt((ulong)owned.ExpiresAtMs)
            .Id(Log.LastId)
            .Id(Log.MaxDeletedId)
            .UInt((ulong)Log.EntriesAdded)
            .UInt((ulong)GroupsGeneration)
            .UInt((ulong)Groups.Count);
        foreach (var (name, stamp) in Groups) writer.Latin1(name).UInt((ulong)stamp);
        writer.UInt((ulong)Log.NodeCount);
        foreach (var node in Log.Nodes)
        {
            writer.Id(node.MasterId)
                .Id(node.LastId)
                .UInt((ulong)node.LiveCount)
                .UInt((ulong)node.DeletedCount)
                .UInt((ulong)node.ListpackBody)
                .Bytes(node.Buffer);
        }
        return writer.Complete();
    }

    public void ApplySnapshot(ReadOnlySpan<byte> snapshot, OwnedKey owned)
    {
        var reader = new StreamRecordReader(snapshot);
        if (reader.Kind != StreamRecordKind.Snapshot) throw reader.UnknownKind();
        Clear();
        owned.Recover(reader.Int64(), reader.Int64());
        var lastId = reader.Id();
        var maxDeletedId = reader.Id();
        var entriesAdded = reader.Int64();
        GroupsGeneration = reader.Int64();
        var groupCount = reader.Int32();
        for (var i = 0; i < groupCount; i++)
        {
            var name = reader.Latin1();
            Groups[name] = reader.Int64();
        }
        var nodeCount = reader.Int32();
        for (var i = 0; i < nodeCount; i++)
        {
            var masterId = reader.Id();
            var nodeLastId = reader.Id();
            var live = reader.Int32();
            var deleted = reader.Int32();
            var listpackBody = reader.Int64();
            var buffer = reader.Bytes().ToArray();
            Log.RestoreNode(StreamNode.Restore(masterId, nodeLastId, live, deleted, buffer, listpackBody));
        }
        Log.RestoreCounters(lastId, maxDeletedId, entriesAdded);
        reader.End();
    }

    private void ApplyTrim(ref StreamRecordReader reader)
    {
        switch (reader.Byte())
        {
            case StreamRecordKind.TrimNone:
                break;
            case StreamRecordKind.TrimBefore:
                Log.TrimBefore(reader.Id());
                break;
            case StreamRecordKind.TrimAll:
                Log.Trim(StreamTrimOptions.ByMaxLen(0), 0);
                break;
            default:
                throw new JournalRecordException("A stream journal record has an unknown trim marker.");
        }
    }
}
