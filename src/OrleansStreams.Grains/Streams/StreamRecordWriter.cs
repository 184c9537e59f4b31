using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Streams;

/// <summary>
/// Builds stream journal records: format version, kind, varint-encoded fields, then a CRC-32C of everything
/// before it (the same envelope as the other key grains, with varints so an XADD record stays a few bytes over
/// its payload). One instance per activation, reused; the journal copies what it is given.
/// </summary>
internal sealed class StreamRecordWriter
{
    public const byte FormatVersion = 1;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public StreamRecordWriter Begin(byte kind)
    {
        _buffer.ResetWrittenCount();
        var span = _buffer.GetSpan(2);
        span[0] = FormatVersion;
        span[1] = kind;
        _buffer.Advance(2);
        return this;
    }

    public StreamRecordWriter Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public StreamRecordWriter UInt(ulong value)
    {
        _buffer.Advance(Varint.Write(_buffer.GetSpan(Varint.MaxLength), value));
        return this;
    }

    public StreamRecordWriter Id(StreamId id) => UInt(id.Ms).UInt(id.Seq);

    /// <summary>A length-prefixed byte string.</summary>
    public StreamRecordWriter Bytes(ReadOnlySpan<byte> value)
    {
        UInt((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>Bytes whose length the reader knows some other way.</summary>
    public StreamRecordWriter Raw(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    public StreamRecordWriter Latin1(string value)
    {
        UInt((ulong)value.Length);
        var written = Encoding.Latin1.GetBytes(value, _buffer.GetSpan(value.Length));
        _buffer.Advance(written);
        return this;
    }

    /// <summary>Seals the record with its checksum; the span is valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> Complete()
    {
        var checksum = RecordWriter.Checksum(_buffer.WrittenSpan);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), checksum);
        _buffer.Advance(4);
        return _buffer.WrittenSpan;
    }
}
