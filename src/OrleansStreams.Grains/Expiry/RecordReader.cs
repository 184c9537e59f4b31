using System.Buffers.Binary;
using System.Text;

namespace OrleansStreams.Grains.Expiry;

/// <summary>Reads a record written by <see cref="RecordWriter"/>, checking version and checksum first.</summary>
internal ref struct RecordReader
{
    private ReadOnlySpan<byte> _rest;

    public RecordReader(ReadOnlySpan<byte> record)
    {
        if (record.Length < 6) throw new JournalRecordException($"A journal record of {record.Length} bytes is too short.");
        var body = record[..^4];
        if (RecordWriter.Checksum(body) != BinaryPrimitives.ReadUInt32LittleEndian(record[^4..]))
        {
            throw new JournalRecordException("A journal record failed its checksum.");
        }
        if (body[0] != RecordWriter.FormatVersion) throw new JournalRecordException($"Unknown journal record format version {body[0]}.");
        Kind = body[1];
        _rest = body[2..];
    }

    public byte Kind { get; }

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public byte[] Bytes() => Take(Length()).ToArray();

    public string Latin1() => Encoding.Latin1.GetString(Take(Length()));

    public readonly void End()
    {
        if (!_rest.IsEmpty) throw new JournalRecordException($"A journal record of kind {Kind} has {_rest.Length} trailing bytes.");
    }

    public readonly JournalRecordException UnknownKind(string owner) => new($"Unknown {owner} journal record kind {Kind}.");

    private int Length()
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        if (length < 0) throw new JournalRecordException("A journal record has a negative length.");
        return length;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_rest.Length < count) throw new JournalRecordException($"A journal record of kind {Kind} is truncated.");
        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }
}
