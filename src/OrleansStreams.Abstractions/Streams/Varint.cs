namespace OrleansStreams.Streams;

/// <summary>Unsigned LEB128 integers: 7 bits a byte, low bits first; small numbers take one byte.</summary>
public static class Varint
{
    public const int MaxLength = 10;

    public static int SizeOf(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads a value at <paramref name="position"/> and moves past it; false when the bytes end or run too long.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, ref int position, out ulong value)
    {
        value = 0;
        var shift = 0;
        var i = position;
        while (i < source.Length)
        {
            var b = source[i++];
            if (shift == 63 && b > 1) return false;
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                position = i;
                return true;
            }
            shift += 7;
            if (shift > 63) return false;
        }
        return false;
    }

    /// <summary>Reads a value known to be well formed (from a buffer this process wrote).</summary>
    public static ulong Read(ReadOnlySpan<byte> source, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = source[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }
}
