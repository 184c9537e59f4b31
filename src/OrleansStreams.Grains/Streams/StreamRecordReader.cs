using System.Buffers.Binary;
using System.Text;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Streams;

/// <summary>Reads a record written by <see cref="StreamRecordWriter"/>, checking version and checksum first; a bad record throws <see cref="JournalRecordException"/>.</summary>
internal ref struct StreamRecordReader
{
    private ReadOnlySpan<byte> _rest;

    public StreamRecordReader(ReadOnlySpan<byte> record)
    {
        if (record.Length < 6) throw new JournalRecordException($"A stream journal record of {record.Length} bytes is too short.");
        var body = record[..^4];
        if (RecordWriter.Checksum(body) != BinaryPrimitives.ReadUInt32LittleEndian(record[^4..]))
        {
            throw new JournalRecordException("A stream journal record failed its checksum.");
        }
        if (body[0] != StreamRecordWriter.FormatVersion) throw new JournalRecordException($"Unknown stream journal record format version {body[0]}.");
        Kind = body[1];
        _rest = body[2..];
    }

    public byte Kind { get; }

    public byte Byte() => Take(1)[0];

    public ulong UInt()
    {
        var position = 0;
        if (!Varint.TryRead(_rest, ref position, out var value)) throw Truncated();
        _rest = _rest[position..];
        return value;
    }

    public long Int64()
    {
        var value = UInt();
        if (value > long.MaxValue) throw new JournalRecordException($"A stream journal record of kind {Kind} has a number out of range.");
        return (long)value;
    }

    public int Int32()
    {
        var value = UInt();
        if (value > int.MaxValue) throw new JournalRecordException($"A stream journal record of kind {Kind} has a count out of range.");
        return (int)value;
    }

    public StreamId Id() => new(UInt(), UInt());

    public ReadOnlySpan<byte> Bytes() => Take(Int32());

    public string Latin1() => Encoding.Latin1.GetString(Bytes());

    public ReadOnlySpan<byte> Take(int count)
    {
        if (_rest.Length < count) throw Truncated();
        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }

    public readonly void End()
    {
        if (!_rest.IsEmpty) throw new JournalRecordException($"A stream journal record of kind {Kind} has {_rest.Length} trailing bytes.");
    }

    public readonly JournalRecordException UnknownKind() => new($"Unknown stream journal record kind {Kind}.");

    private readonly JournalRecordException Truncated() => new($"A stream journal record of kind {Kind} is truncated.");
}
