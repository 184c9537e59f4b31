using System.Buffers.Text;

namespace OrleansStreams.Strings;

/// <summary>Redis's strict integer text (string2ll): optional '-', no '+', no leading zeros, no spaces, fits a long.</summary>
public static class RedisInteger
{
    // LONG_STR_SIZE in Redis: longer input is rejected before parsing.
    private const int MaxLength = 20;

    public static bool TryParse(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > MaxLength) return false;
        if (text.Length == 1 && text[0] == '0') return true;

        var negative = text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits[0] is < (byte)'1' or > (byte)'9') return false;

        ulong magnitude = 0;
        foreach (var c in digits)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            var digit = (ulong)(c - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10) return false;
            magnitude = magnitude * 10 + digit;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1) return false;
            value = (long)(0 - magnitude);
        }
        else
        {
            if (magnitude > long.MaxValue) return false;
            value = (long)magnitude;
        }
        return true;
    }

    public static byte[] Format(long value)
    {
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        return buffer[..written].ToArray();
    }
}
