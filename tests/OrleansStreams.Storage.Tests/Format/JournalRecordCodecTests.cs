using System.Text;

namespace OrleansStreams.Storage.Tests;

/// <summary>The bytes on disk, pinned by samples written by Samples/make-samples.py (an independent implementation).</summary>
public sealed class JournalRecordCodecTests
{
    public static TheoryData<string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Samples", "journal-record-v1.hex")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            data.Add(line[..space], line[(space + 1)..arrow], line[(arrow + 4)..]);
        }

        return data;
    }

    private static JournalRecordKind Kind(string name) => name == "snapshot" ? JournalRecordKind.Snapshot : JournalRecordKind.Record;

    [Fact]
    public void Crc32C_OfTheStandardCheckString_IsE3069283()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
    }

    [Fact]
    public void Crc32C_AppendedInPieces_EqualsTheWholeChecksum()
    {
        var data = Encoding.ASCII.GetBytes("a longer string, so the 8-byte steps and the byte tail both run");
        var pieces = Crc32C.Finish(Crc32C.Append(Crc32C.Append(Crc32C.Start, data.AsSpan(0, 13)), data.AsSpan(13)));

        Assert.Equal(Crc32C.Compute(data), pieces);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Encode_WritesTheCheckedInBytes(string kind, string payload, string hex)
    {
        var encoded = JournalRecordCodec.Encode(Kind(kind), Encoding.UTF8.GetBytes(payload));

        Assert.Equal(hex, Convert.ToHexStringLower(encoded));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_ReadsTheCheckedInBytes(string kind, string payload, string hex)
    {
        var status = JournalRecordCodec.TryDecode(Convert.FromHexString(hex), Kind(kind), out var decoded);

        Assert.Equal(JournalDecodeStatus.Ok, status);
        Assert.Equal(payload, Encoding.UTF8.GetString(decoded.Span));
    }

    [Fact]
    public void Decode_FindsEveryFlippedBit()
    {
        var stored = JournalRecordCodec.Encode(JournalRecordKind.Record, "payload"u8);
        for (var bit = 0; bit < stored.Length * 8; bit++)
        {
            var damaged = (byte[])stored.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));

            Assert.NotEqual(JournalDecodeStatus.Ok, JournalRecordCodec.TryDecode(damaged, JournalRecordKind.Record, out _));
        }
    }

    [Fact]
    public void Decode_RejectsTruncatedBytes_AnUnknownFormat_AndTheWrongKind()
    {
        var stored = JournalRecordCodec.Encode(JournalRecordKind.Record, "payload"u8);
        var newer = (byte[])stored.Clone();
        newer[0] = 2;

        Assert.Equal(JournalDecodeStatus.Truncated, JournalRecordCodec.TryDecode(stored[..^1], JournalRecordKind.Record, out _));
        Assert.Equal(JournalDecodeStatus.Truncated, JournalRecordCodec.TryDecode(stored[..5], JournalRecordKind.Record, out _));
        Assert.Equal(JournalDecodeStatus.UnknownFormat, JournalRecordCodec.TryDecode(newer, JournalRecordKind.Record, out _));
        Assert.Equal(JournalDecodeStatus.BadHeader, JournalRecordCodec.TryDecode(stored, JournalRecordKind.Snapshot, out _));
    }
}
