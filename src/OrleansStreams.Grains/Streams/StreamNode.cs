using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Streams;

/// <summary>
/// A run of consecutive entries in one byte buffer, as Redis keeps up to 100 entries in one listpack. The buffer
/// starts with the master field names (the first entry's fields: count, then each name as varint length + bytes);
/// then each entry:
/// <code>flags | ms delta | seq | [pair count] | per pair: [field length, field] value length, value</code>
/// where flags bit 0 = deleted, bit 1 = same field names as the master (then the names and count are left out);
/// the ms delta is from the previous entry (from the master ID for the first entry) and seq is a delta from the
/// previous seq when the ms delta is 0, else the seq itself; all numbers are varints.
/// Deleting only sets the flag; the space comes back when the whole node goes, as in Redis.
/// </summary>
internal sealed class StreamNode
{
    public const byte DeletedFlag = 1;
    public const byte SameFieldsFlag = 2;

    private const int InitialCapacity = 128;

    private byte[] _buffer;
    private int _length;
    private int _entriesStart;
    private int _masterFieldCount;

    // Redis's listpack size of the master fields and entries; the live/deleted counters are added on demand.
    private long _listpackBody;

    private StreamNode(StreamId masterId, byte[] buffer, int length, int entriesStart, int masterFieldCount, long listpackBody)
    {
        MasterId = masterId;
        LastId = masterId;
        _buffer = buffer;
        _length = length;
        _entriesStart = entriesStart;
        _masterFieldCount = masterFieldCount;
        _listpackBody = listpackBody;
    }

    /// <summary>The first entry's ID: the node's key.</summary>
    public StreamId MasterId { get; }

    /// <summary>The last entry in the node, deleted or not.</summary>
    public StreamId LastId { get; private set; }

    public int LiveCount { get; private set; }

    public int DeletedCount { get; private set; }

    public int EntryCount => LiveCount + DeletedCount;

    public int EntriesStart => _entriesStart;

    public int Length => _length;

    /// <summary>Bytes held: the buffer, including unused capacity while this is the tail node.</summary>
    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> Buffer => _buffer.AsSpan(0, _length);

    /// <summary>What Redis's lpBytes would report for this node.</summary>
    public long ListpackBytes
        => ListpackSize.Overhead + ListpackSize.OfInteger(LiveCount) + ListpackSize.OfInteger(DeletedCount) + _listpackBody;

    /// <summary>A new node whose master fields are the fields of its first entry, which it holds.</summary>
    public static StreamNode Create(StreamId id, StreamFields fields)
    {
        var master = fields.GetReader();
        var size = Varint.SizeOf((ulong)fields.PairCount);
        long listpack = ListpackSize.OfInteger(fields.PairCount) + ListpackSize.OfInteger(0);
        for (var i = 0; i < fields.PairCount; i++)
        {
            var field = master.Next();
            master.Next();
            size += Varint.SizeOf((ulong)field.Length) + field.Length;
            listpack += ListpackSize.OfString(field);
        }
        // Start small and double: many streams hold a handful of entries, and a sealed node is trimmed to fit.
        var entrySize = 3 * Varint.MaxLength + fields.Encoded.Length;
        var buffer = new byte[Math.Max(InitialCapacity, size + entrySize)];
        var position = Varint.Write(buffer, (ulong)fields.PairCount);
        var reader = fields.GetReader();
        for (var i = 0; i < fields.PairCount; i++)
        {
            var field = reader.Next();
            reader.Next();
            position += Varint.Write(buffer.AsSpan(position), (ulong)field.Length);
            field.CopyTo(buffer.AsSpan(position));
            position += field.Length;
        }
        var node = new StreamNode(id, buffer, position, position, fields.PairCount, listpack);
        node.Append(id, fields);
        return node;
    }

    /// <summary>Rebuilds a node from its snapshot form.</summary>
    public static StreamNode Restore(StreamId masterId, StreamId lastId, int live, int deleted, byte[] buffer, long listpackBody)
    {
        var position = 0;
        var masterFieldCount = (int)Varint.Read(buffer, ref position);
        for (var i = 0; i < masterFieldCount; i++)
        {
            var length = (int)Varint.Read(buffer, ref position);
            position += length;
        }
        return new StreamNode(masterId, buffer, buffer.Length, position, masterFieldCount, listpackBody)
        {
            LastId = lastId,
            LiveCount = live,
            DeletedCount = deleted,
        };
    }

    public long ListpackBody => _listpackBody;

    /// <summary>Appends an entry; its ID must be greater than <see cref="LastId"/> (or equal the master ID for the first).</summary>
    public void Append(StreamId id, StreamFields fields)
    {
        var sameFields = fields.PairCount == _masterFieldCount && FieldsMatchMaster(fields);
        var previous = EntryCount == 0 ? MasterId : LastId;
        var msDelta = id.Ms - previous.Ms;
        var seq = msDelta == 0 ? id.Seq - previous.Seq : id.Seq;

        var size = 1 + Varint.SizeOf(msDelta) + Varint.SizeOf(seq);
        if (sameFields)
        {
            var reader = fields.GetReader();
            for (var i = 0; i < fields.PairCount; i++)
            {
                reader.Next();
                var value = reader.Next();
                size += Varint.SizeOf((ulong)value.Length) + value.Length;
            }
        }
        else
        {
            size += Varint.SizeOf((ulong)fields.PairCount) + fields.Encoded.Length;
        }
        EnsureCapacity(size);

        var span = _buffer.AsSpan(_length);
        span[0] = sameFields ? SameFieldsFlag : (byte)0;
        var position = 1;
        position += Varint.Write(span[position..], msDelta);
        position += Varint.Write(span[position..], seq);
        if (sameFields)
        {
            var reader = fields.GetReader();
            for (var i = 0; i < fields.PairCount; i++)
            {
                reader.Next();
                var value = reader.Next();
                position += Varint.Write(span[position..], (ulong)value.Length);
                value.CopyTo(span[position..]);
                position += value.Length;
            }
        }
        else
        {
            position += Varint.Write(span[position..], (ulong)fields.PairCount);
            fields.Encoded.CopyTo(span[position..]);
            position += fields.Encoded.Length;
        }
        _length += position;
        _listpackBody += ListpackEntrySize(id, fields, sameFields);
        LastId = id;
        LiveCount++;
    }

    /// <summary>Drops unused capacity once no more entries will be appended here.</summary>
    public void Seal()
    {
        if (_buffer.Length != _length) Array.Resize(ref _buffer, _length);
    }

    public NodeEntry ReadEntry(int offset, StreamId previous)
    {
        var span = _buffer.AsSpan(0, _length);
        var flags = span[offset];
        var position = offset + 1;
        var msDelta = Varint.Read(span, ref position);
        var seq = Varint.Read(span, ref position);
        var id = msDelta == 0 ? new StreamId(previous.Ms, previous.Seq + seq) : new StreamId(previous.Ms + msDelta, seq);
        int pairs;
        if ((flags & SameFieldsFlag) != 0)
        {
            pairs = _masterFieldCount;
        }
        else
        {
            pairs = (int)Varint.Read(span, ref position);
        }
        var itemsOffset = position;
        var items = (flags & SameFieldsFlag) != 0 ? pairs : pairs * 2;
        for (var i = 0; i < items; i++)
        {
            var length = (int)Varint.Read(span, ref position);
            position += length;
        }
        return new NodeEntry(id, offset, itemsOffset, position, flags, pairs);
    }

    /// <summary>Flags a live entry as deleted.</summary>
    public void MarkDeleted(in NodeEntry entry)
    {
        _buffer[entry.Offset] |= DeletedFlag;
        LiveCount--;
        DeletedCount++;
    }

    /// <summary>Copies an entry's fields and values into a reply.</summary>
    public void CopyTo(in NodeEntry entry, StreamEntriesBuilder builder)
    {
        var span = _buffer.AsSpan(0, _length);
        builder.BeginEntry(entry.Id, entry.PairCount * 2);
        var position = entry.ItemsOffset;
        if (entry.HasMasterFields)
        {
            var masterPosition = 0;
            Varint.Read(span, ref masterPosition);
            for (var i = 0; i < entry.PairCount; i++)
            {
                builder.AddItem(ReadItem(span, ref masterPosition));
                builder.AddItem(ReadItem(span, ref position));
            }
        }
        else
        {
            for (var i = 0; i < entry.PairCount * 2; i++) builder.AddItem(ReadItem(span, ref position));
        }
    }

    /// <summary>Finds the entry with this ID (deleted or not).</summary>
    public bool TryFind(StreamId id, out NodeEntry found)
    {
        var previous = MasterId;
        for (var offset = _entriesStart; offset < _length;)
        {
            var entry = ReadEntry(offset, previous);
            var order = entry.Id.CompareTo(id);
            if (order == 0)
            {
                found = entry;
                return true;
            }
            if (order > 0) break;
            previous = entry.Id;
            offset = entry.End;
        }
        found = default;
        return false;
    }

    /// <summary>The first live entry, if any.</summary>
    public bool TryGetFirstLive(out StreamId id)
    {
        var previous = MasterId;
        for (var offset = _entriesStart; offset < _length;)
        {
            var entry = ReadEntry(offset, previous);
            if (!entry.IsDeleted)
            {
                id = entry.Id;
                return true;
            }
            previous = entry.Id;
            offset = entry.End;
        }
        id = default;
        return false;
    }

    /// <summary>The last live entry, if any.</summary>
    public bool TryGetLastLive(out StreamId id)
    {
        id = default;
        var found = false;
        var previous = MasterId;
        for (var offset = _entriesStart; offset < _length;)
        {
            var entry = ReadEntry(offset, previous);
            if (!entry.IsDeleted)
            {
                id = entry.Id;
                found = true;
            }
            previous = entry.Id;
            offset = entry.End;
        }
        return found;
    }

    private static ReadOnlySpan<byte> ReadItem(ReadOnlySpan<byte> span, ref int position)
    {
        var length = (int)Varint.Read(span, ref position);
        var item = span.Slice(position, length);
        position += length;
        return item;
    }

    private bool FieldsMatchMaster(StreamFields fields)
    {
        var span = _buffer.AsSpan(0, _entriesStart);
        var position = 0;
        Varint.Read(span, ref position);
        var reader = fields.GetReader();
        for (var i = 0; i < _masterFieldCount; i++)
        {
            var master = ReadItem(span, ref position);
            var field = reader.Next();
            reader.Next();
            if (!master.SequenceEqual(field)) return false;
        }
        return true;
    }

    private long ListpackEntrySize(StreamId id, StreamFields fields, bool sameFields)
    {
        // flags, ms and seq differences from the master ID (seq may wrap negative), [count], items, lp-count.
        long size = ListpackSize.OfInteger(0)
            + ListpackSize.OfInteger(unchecked((long)(id.Ms - MasterId.Ms)))
            + ListpackSize.OfInteger(unchecked((long)(id.Seq - MasterId.Seq)));
        var lpCount = fields.PairCount + 3;
        if (!sameFields)
        {
            size += ListpackSize.OfInteger(fields.PairCount);
            lpCount += fields.PairCount + 1;
        }
        var reader = fields.GetReader();
        for (var i = 0; i < fields.PairCount; i++)
        {
            var field = reader.Next();
            var value = reader.Next();
            if (!sameFields) size += ListpackSize.OfString(field);
            size += ListpackSize.OfString(value);
        }
        return size + ListpackSize.OfInteger(lpCount);
    }

    private void EnsureCapacity(int extra)
    {
        var needed = (long)_length + extra;
        if (needed <= _buffer.Length) return;
        var grown = Math.Max(needed, (long)_buffer.Length * 2);
        Array.Resize(ref _buffer, (int)Math.Min(grown, Array.MaxLength));
    }
}
