using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// Writes consumer-group journal records: a format version byte, a <see cref="GroupRecordKind"/> byte, the fields
/// (little-endian fixed-size numbers, IDs as ms then seq, names as a 32-bit length and one byte per Latin-1 char),
/// then a CRC-32C of all of it. One writer is reused for every record of a grain. Format 2 added the policy records
/// and a policy section at the end of snapshots; everything else is laid out as in format 1, which is still read.
/// </summary>
internal sealed class GroupRecordWriter
{
    public const byte FormatVersion = 2;

    /// <summary>The oldest format this build reads.</summary>
    public const byte OldestReadableVersion = 1;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public GroupRecordWriter Begin(GroupRecordKind kind)
    {
        _buffer.ResetWrittenCount();
        var span = _buffer.GetSpan(2);
        span[0] = FormatVersion;
        span[1] = (byte)kind;
        _buffer.Advance(2);
        return this;
    }

    public GroupRecordWriter Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public GroupRecordWriter Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public GroupRecordWriter Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public GroupRecordWriter Id(StreamId id)
    {
        var span = _buffer.GetSpan(16);
        BinaryPrimitives.WriteUInt64LittleEndian(span, id.Ms);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], id.Seq);
        _buffer.Advance(16);
        return this;
    }

    /// <summary>Names are binary-safe strings whose chars are bytes (Latin-1).</summary>
    public GroupRecordWriter Name(string name)
    {
        Int32(name.Length);
        var span = _buffer.GetSpan(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c > 0xFF) throw new ArgumentException("Names must hold Latin-1 characters only (one byte each).", nameof(name));
            span[i] = (byte)c;
        }
        _buffer.Advance(name.Length);
        return this;
    }

    public GroupRecordWriter Ids(IReadOnlyList<StreamId> ids)
    {
        Int32(ids.Count);
        foreach (var id in ids) Id(id);
        return this;
    }

    /// <summary>Seals the record with its checksum; the span is valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> Finish()
    {
        var checksum = Checksum(_buffer.WrittenSpan);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), checksum);
        _buffer.Advance(4);
        return _buffer.WrittenSpan;
    }

    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
