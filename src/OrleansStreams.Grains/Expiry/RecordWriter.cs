using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace OrleansStreams.Grains.Expiry;

/// <summary>
/// Builds the journal records of the string and hash grains: a format version, a kind, the fields (little-endian
/// integers, length-prefixed byte strings) and a CRC-32C of everything before it. One instance per activation is
/// reused record after record; the journal copies what it is given.
/// </summary>
internal sealed class RecordWriter
{
    public const byte FormatVersion = 1;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public RecordWriter Begin(byte kind)
    {
        _buffer.ResetWrittenCount();
        var span = _buffer.GetSpan(2);
        span[0] = FormatVersion;
        span[1] = kind;
        _buffer.Advance(2);
        return this;
    }

    public RecordWriter Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public RecordWriter Bytes(ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value.Length);
        _buffer.Advance(4);
        _buffer.Write(value);
        return this;
    }

    /// <summary>A key or field name held as a Latin-1 string (one byte per char).</summary>
    public RecordWriter Latin1(string value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value.Length);
        _buffer.Advance(4);
        var written = Encoding.Latin1.GetBytes(value, _buffer.GetSpan(value.Length));
        _buffer.Advance(written);
        return this;
    }

    /// <summary>Seals the record with its checksum; the span is valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> Complete()
    {
        var checksum = Checksum(_buffer.WrittenSpan);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), checksum);
        _buffer.Advance(4);
        return _buffer.WrittenSpan;
    }

    public ReadOnlyMemory<byte> CompleteToArray() => Complete().ToArray();

    internal static uint Checksum(ReadOnlySpan<byte> data)
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
