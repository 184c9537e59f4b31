namespace OrleansStreams.Grains.Streams;

/// <summary>
/// How many bytes Redis's listpack encoding would take for a stream node. Redis starts a new node when the tail
/// listpack plus the new entry's payload reaches stream-node-max-bytes, so computing the same size keeps node
/// boundaries (and so XINFO and approximate trimming) identical to Redis, whatever our own encoding is.
/// </summary>
internal static class ListpackSize
{
    /// <summary>The 4-byte total size, 2-byte element count and the end marker.</summary>
    public const int Overhead = 7;

    public static int OfInteger(long value)
    {
        var encoded = value switch
        {
            >= 0 and <= 127 => 1,
            >= -4096 and <= 4095 => 2,
            >= short.MinValue and <= short.MaxValue => 3,
            >= -8388608 and <= 8388607 => 4,
            >= int.MinValue and <= int.MaxValue => 5,
            _ => 9,
        };
        return encoded + BackLength(encoded);
    }

    /// <summary>A string element; strings that read as a 64-bit integer are stored as integers.</summary>
    public static long OfString(ReadOnlySpan<byte> value)
    {
        if (TryParseInt64(value, out var number)) return OfInteger(number);
        long encoded = value.Length switch
        {
            < 64 => 1 + value.Length,
            < 4096 => 2 + value.Length,
            _ => 5L + value.Length,
        };
        return encoded + BackLength(encoded);
    }

    private static int BackLength(long encoded) => encoded switch
    {
        <= 127 => 1,
        < 16383 => 2,
        < 2097151 => 3,
        < 268435455 => 4,
        _ => 5,
    };

    /// <summary>Redis's lpStringToInt64 (the same rules as string2ll): no blanks, no '+', no leading zeros.</summary>
    private static bool TryParseInt64(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length is 0 or >= 21) return false;
        if (text.Length == 1 && text[0] == (byte)'0') return true;
        var negative = text[0] == (byte)'-';
        var i = negative ? 1 : 0;
        if (i == text.Length || text[i] < (byte)'1' || text[i] > (byte)'9') return false;
        ulong magnitude = 0;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            if (magnitude > (ulong.MaxValue - digit) / 10) return false;
            magnitude = magnitude * 10 + digit;
        }
        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1) return false;
            value = unchecked(-(long)magnitude);
            return true;
        }
        if (magnitude > long.MaxValue) return false;
        value = (long)magnitude;
        return true;
    }
}
