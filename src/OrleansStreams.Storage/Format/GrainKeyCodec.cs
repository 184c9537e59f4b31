using System.Buffers.Binary;
using System.Text;

namespace OrleansStreams.Storage;

/// <summary>
/// Stores a grain key as bytes, because keys may hold any byte (NUL included, which PostgreSQL text rejects).
/// The first byte says how the rest reads: 0 = one byte per char (Latin-1, the usual Redis key), 1 = raw
/// UTF-16LE code units for a key with a char above U+00FF (lone surrogates included, so no encoder fallback).
/// Lossless for every .NET string, so keys round-trip for the catalog.
/// </summary>
internal static class GrainKeyCodec
{
    private const byte Latin1Tag = 0;
    private const byte Utf16Tag = 1;

    public static byte[] Encode(string key)
    {
        if (!key.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'))
        {
            var latin1 = new byte[key.Length + 1];
            latin1[0] = Latin1Tag;
            Encoding.Latin1.GetBytes(key, latin1.AsSpan(1));
            return latin1;
        }

        var utf16 = new byte[(key.Length * 2) + 1];
        utf16[0] = Utf16Tag;
        for (var i = 0; i < key.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(utf16.AsSpan(1 + (i * 2)), key[i]);
        }

        return utf16;
    }

    public static string Decode(ReadOnlySpan<byte> stored)
    {
        if (stored.Length >= 1 && stored[0] == Latin1Tag)
        {
            return Encoding.Latin1.GetString(stored[1..]);
        }

        if (stored.Length >= 1 && stored[0] == Utf16Tag && stored.Length % 2 == 1)
        {
            var units = stored[1..];
            return string.Create(units.Length / 2, units.ToArray(), static (chars, bytes) =>
            {
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2));
                }
            });
        }

        throw new JournalCorruptedException("A stored grain key has an unknown encoding tag.", grainId: null, stateName: null, sequence: null);
    }
}
