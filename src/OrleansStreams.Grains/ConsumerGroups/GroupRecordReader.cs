using System.Buffers.Binary;
using System.Text;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>Reads a record written by <see cref="GroupRecordWriter"/>, checking its checksum and version first.</summary>
internal ref struct GroupRecordReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public GroupRecordReader(ReadOnlySpan<byte> record)
    {
        if (record.Length < 6) throw new ConsumerGroupJournalException($"A consumer-group record of {record.Length} bytes is too short.");
        var body = record[..^4];
        if (GroupRecordWriter.Checksum(body) != BinaryPrimitives.ReadUInt32LittleEndian(record[^4..]))
        {
            throw new ConsumerGroupJournalException("A consumer-group record failed its checksum.");
        }
        if (body[0] is < GroupRecordWriter.OldestReadableVersion or > GroupRecordWriter.FormatVersion)
        {
            throw new ConsumerGroupJournalException(
                $"A consumer-group record has format version {body[0]}; this build reads versions {GroupRecordWriter.OldestReadableVersion} to {GroupRecordWriter.FormatVersion}.");
        }
        Version = body[0];
        Kind = (GroupRecordKind)body[1];
        _data = body;
        _position = 2;
    }

    public GroupRecordKind Kind { get; }

    public byte Version { get; }

    public byte Byte() => Take(1)[0];

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public StreamId Id()
    {
        var span = Take(16);
        return new StreamId(BinaryPrimitives.ReadUInt64LittleEndian(span), BinaryPrimitives.ReadUInt64LittleEndian(span[8..]));
    }

    public string Name() => Encoding.Latin1.GetString(Take(Count(1)));

    public StreamId[] Ids()
    {
        var ids = new StreamId[Count(16)];
        for (var i = 0; i < ids.Length; i++) ids[i] = Id();
        return ids;
    }

    /// <summary>A count of items of at least <paramref name="itemSize"/> bytes each, checked against what is left.</summary>
    public int Count(int itemSize)
    {
        var count = Int32();
        if (count < 0 || (long)count * itemSize > _data.Length - _position) throw Truncated();
        return count;
    }

    public readonly void EnsureEnd()
    {
        if (_position != _data.Length) throw new ConsumerGroupJournalException($"A consumer-group {Kind} record has {_data.Length - _position} unexpected trailing bytes.");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _data.Length - _position) throw Truncated();
        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }

    private readonly ConsumerGroupJournalException Truncated() => new($"A consumer-group {Kind} record is truncated.");
}
