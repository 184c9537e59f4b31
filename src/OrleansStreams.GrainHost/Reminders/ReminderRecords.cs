using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace OrleansStreams.GrainHost;

/// <summary>
/// The reminder table's journal format: a format version byte, a kind byte (1 registered, 2 unregistered, 3 the
/// whole table as a snapshot), then per reminder the grain type, key and name (32-bit length, Latin-1 bytes) and,
/// for registrations, the period in milliseconds (64-bit); little-endian; a CRC-32C of all of it at the end.
/// </summary>
internal static class ReminderRecords
{
    public const byte FormatVersion = 1;

    private const byte Registered = 1;
    private const byte Unregistered = 2;
    private const byte Snapshot = 3;

    public static byte[] Register(ReminderEntry entry)
    {
        var writer = Begin(Registered);
        WriteEntry(writer, entry);
        return Finish(writer);
    }

    public static byte[] Unregister(GrainId grainId, string name)
    {
        var writer = Begin(Unregistered);
        WriteName(writer, grainId.Type);
        WriteName(writer, grainId.Key);
        WriteName(writer, name);
        return Finish(writer);
    }

    public static byte[] EncodeSnapshot(IReadOnlyCollection<ReminderEntry> entries)
    {
        var writer = Begin(Snapshot);
        WriteInt32(writer, entries.Count);
        foreach (var entry in entries) WriteEntry(writer, entry);
        return Finish(writer);
    }

    /// <summary>Applies a record or snapshot to <paramref name="table"/> (keyed by grain and name).</summary>
    public static void Apply(ReadOnlySpan<byte> record, Dictionary<(GrainId, string), TimeSpan> table)
    {
        if (record.Length < 6) throw new InvalidDataException($"A reminder record of {record.Length} bytes is too short.");
        var body = record[..^4];
        if (Checksum(body) != BinaryPrimitives.ReadUInt32LittleEndian(record[^4..])) throw new InvalidDataException("A reminder record failed its checksum.");
        if (body[0] != FormatVersion) throw new InvalidDataException($"A reminder record has format version {body[0]}; this build reads version {FormatVersion}.");
        var position = 2;
        switch (body[1])
        {
            case Registered:
                var (grain, name, period) = ReadEntry(body, ref position);
                table[(grain, name)] = period;
                break;
            case Unregistered:
                var type = ReadName(body, ref position);
                var key = ReadName(body, ref position);
                table.Remove((new GrainId(type, key), ReadName(body, ref position)));
                break;
            case Snapshot:
                table.Clear();
                var count = ReadInt32(body, ref position);
                for (var i = 0; i < count; i++)
                {
                    var entry = ReadEntry(body, ref position);
                    table[(entry.Grain, entry.Name)] = entry.Period;
                }
                break;
            default:
                throw new InvalidDataException($"Unknown reminder record kind {body[1]}.");
        }
        if (position != body.Length) throw new InvalidDataException("A reminder record has unexpected trailing bytes.");
    }

    private static ArrayBufferWriter<byte> Begin(byte kind)
    {
        var writer = new ArrayBufferWriter<byte>(64);
        writer.Write([FormatVersion, kind]);
        return writer;
    }

    private static byte[] Finish(ArrayBufferWriter<byte> writer)
    {
        var checksum = Checksum(writer.WrittenSpan);
        BinaryPrimitives.WriteUInt32LittleEndian(writer.GetSpan(4), checksum);
        writer.Advance(4);
        return writer.WrittenSpan.ToArray();
    }

    private static void WriteEntry(ArrayBufferWriter<byte> writer, ReminderEntry entry)
    {
        WriteName(writer, entry.GrainId.Type);
        WriteName(writer, entry.GrainId.Key);
        WriteName(writer, entry.Name);
        BinaryPrimitives.WriteInt64LittleEndian(writer.GetSpan(8), (long)entry.Period.TotalMilliseconds);
        writer.Advance(8);
    }

    private static (GrainId Grain, string Name, TimeSpan Period) ReadEntry(ReadOnlySpan<byte> body, ref int position)
    {
        var type = ReadName(body, ref position);
        var key = ReadName(body, ref position);
        var name = ReadName(body, ref position);
        var period = TimeSpan.FromMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(Take(body, ref position, 8)));
        return (new GrainId(type, key), name, period);
    }

    private static void WriteInt32(ArrayBufferWriter<byte> writer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    private static int ReadInt32(ReadOnlySpan<byte> body, ref int position) => BinaryPrimitives.ReadInt32LittleEndian(Take(body, ref position, 4));

    private static void WriteName(ArrayBufferWriter<byte> writer, string name)
    {
        WriteInt32(writer, name.Length);
        writer.Write(Encoding.Latin1.GetBytes(name));
    }

    private static string ReadName(ReadOnlySpan<byte> body, ref int position)
    {
        var length = ReadInt32(body, ref position);
        if (length < 0) throw new InvalidDataException("A reminder record has a negative name length.");
        return Encoding.Latin1.GetString(Take(body, ref position, length));
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> body, ref int position, int length)
    {
        if (length > body.Length - position) throw new InvalidDataException("A reminder record is truncated.");
        var span = body.Slice(position, length);
        position += length;
        return span;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
