using System.Buffers.Binary;

namespace OrleansStreams.Storage;

/// <summary>
/// The bytes stored per journal record and per snapshot: a 12-byte little-endian header, then the grain's bytes.
/// <code>
/// 0  byte   format version (1)
/// 1  byte   kind (1 record, 2 snapshot)
/// 2  ushort reserved, 0
/// 4  uint   payload length
/// 8  uint   CRC-32C of header bytes 0..7 followed by the payload
/// 12 ...    payload
/// </code>
/// The database keys (journal, sequence) give the order; the header proves the bytes are the ones written.
/// </summary>
internal static class JournalRecordCodec
{
    public const byte FormatVersion = 1;
    public const int HeaderLength = 12;

    public static byte[] Encode(JournalRecordKind kind, ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[HeaderLength + payload.Length];
        var header = bytes.AsSpan(0, HeaderLength);
        header[0] = FormatVersion;
        header[1] = (byte)kind;
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)payload.Length);
        payload.CopyTo(bytes.AsSpan(HeaderLength));
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Checksum(header[..8], payload));
        return bytes;
    }

    /// <summary>Checks the header and checksum; returns the payload as a slice of <paramref name="stored"/>.</summary>
    public static JournalDecodeStatus TryDecode(byte[] stored, JournalRecordKind expectedKind, out ReadOnlyMemory<byte> payload)
    {
        payload = default;
        if (stored.Length < HeaderLength)
        {
            return JournalDecodeStatus.Truncated;
        }

        var header = stored.AsSpan(0, HeaderLength);
        if (header[0] != FormatVersion)
        {
            return JournalDecodeStatus.UnknownFormat;
        }

        if (header[1] != (byte)expectedKind || BinaryPrimitives.ReadUInt16LittleEndian(header[2..]) != 0)
        {
            return JournalDecodeStatus.BadHeader;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length != (uint)(stored.Length - HeaderLength))
        {
            return JournalDecodeStatus.Truncated;
        }

        var body = stored.AsSpan(HeaderLength);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) != Checksum(header[..8], body))
        {
            return JournalDecodeStatus.ChecksumMismatch;
        }

        payload = new ReadOnlyMemory<byte>(stored, HeaderLength, body.Length);
        return JournalDecodeStatus.Ok;
    }

    private static uint Checksum(ReadOnlySpan<byte> headerPrefix, ReadOnlySpan<byte> payload)
        => Crc32C.Finish(Crc32C.Append(Crc32C.Append(Crc32C.Start, headerPrefix), payload));
}
