namespace OrleansStreams.Streams;

/// <summary>
/// Parses stream IDs from command arguments exactly as Redis does, quirks included: each half is read as a signed
/// 64-bit decimal and, failing that, like C's strtoull (so <c>+7</c>, <c> 7</c>, <c>01</c> and even <c>-0</c>
/// pass), and the text ends at its first NUL byte. A missing sequence is filled in by the caller's context:
/// 0 for lower bounds, <see cref="ulong.MaxValue"/> for upper bounds.
/// </summary>
public static class StreamIdParser
{
    /// <summary>Longer arguments are invalid (Redis copies them into a 128-byte buffer).</summary>
    public const int MaxLength = 127;

    /// <summary>The strict form: <c>ms</c> or <c>ms-seq</c>; a bare <c>-</c> or <c>+</c> is invalid.</summary>
    public static bool TryParseStrict(ReadOnlySpan<byte> text, ulong missingSeq, out StreamId id)
        => TryParse(text, missingSeq, strict: true, allowAutoSeq: false, out id, out _);

    /// <summary>The non-strict form used by range bounds: also <c>-</c> (0-0) and <c>+</c> (the maximum ID).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, ulong missingSeq, out StreamId id)
        => TryParse(text, missingSeq, strict: false, allowAutoSeq: false, out id, out _);

    /// <summary>
    /// XADD's explicit ID: strict, plus <c>ms-*</c> (<paramref name="seqGiven"/> false, seq 0). An incomplete
    /// <c>ms</c> counts as given with seq 0, as in Redis.
    /// </summary>
    public static bool TryParseForAdd(ReadOnlySpan<byte> text, out StreamId id, out bool seqGiven)
        => TryParse(text, 0, strict: true, allowAutoSeq: true, out id, out seqGiven);

    /// <summary>
    /// A range bound: the non-strict form, or <c>(id</c> for an exclusive bound whose ID is parsed strictly.
    /// The caller moves an exclusive bound one step inward.
    /// </summary>
    public static bool TryParseInterval(ReadOnlySpan<byte> text, ulong missingSeq, out StreamId id, out bool exclusive)
    {
        exclusive = text.Length > 1 && text[0] == (byte)'(';
        return exclusive ? TryParseStrict(text[1..], missingSeq, out id) : TryParse(text, missingSeq, out id);
    }

    private static bool TryParse(ReadOnlySpan<byte> text, ulong missingSeq, bool strict, bool allowAutoSeq, out StreamId id, out bool seqGiven)
    {
        id = default;
        seqGiven = true;
        if (text.Length > MaxLength) return false;
        var nul = text.IndexOf((byte)0);
        if (nul >= 0) text = text[..nul];

        if (text.Length == 1 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            if (strict) return false;
            id = text[0] == (byte)'-' ? StreamId.Zero : StreamId.Max;
            return true;
        }

        var dash = text.IndexOf((byte)'-');
        var msText = dash >= 0 ? text[..dash] : text;
        if (!TryParseHalf(msText, out var ms)) return false;
        ulong seq;
        if (dash < 0)
        {
            seq = missingSeq;
        }
        else
        {
            var seqText = text[(dash + 1)..];
            if (allowAutoSeq && seqText.Length == 1 && seqText[0] == (byte)'*')
            {
                seq = 0;
                seqGiven = false;
            }
            else if (!TryParseHalf(seqText, out seq))
            {
                return false;
            }
        }
        id = new StreamId(ms, seq);
        return true;
    }

    /// <summary>Redis's string2ull: a valid negative signed 64-bit number is rejected; anything else goes to strtoull.</summary>
    private static bool TryParseHalf(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (IsNegativeLongLong(text)) return false;
        return TryStrtoull(text, out value);
    }

    /// <summary>True when string2ll would accept the text as a negative number (those are "out of range").</summary>
    private static bool IsNegativeLongLong(ReadOnlySpan<byte> text)
    {
        // string2ll: at most 20 characters, '-', a first digit 1-9, digits only, magnitude up to 2^63.
        if (text.Length < 2 || text.Length > 20 || text[0] != (byte)'-') return false;
        if (text[1] < (byte)'1' || text[1] > (byte)'9') return false;
        ulong magnitude = 0;
        for (var i = 1; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            if (magnitude > (ulong.MaxValue - digit) / 10) return false;
            magnitude = magnitude * 10 + digit;
        }
        return magnitude <= (ulong)long.MaxValue + 1;
    }

    /// <summary>C strtoull in base 10 that must consume the whole text: leading blanks, one optional sign, digits.</summary>
    private static bool TryStrtoull(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        var i = 0;
        while (i < text.Length && IsCSpace(text[i])) i++;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }
        if (i == text.Length) return false;
        ulong magnitude = 0;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            // ERANGE: the magnitude does not fit.
            if (magnitude > (ulong.MaxValue - digit) / 10) return false;
            magnitude = magnitude * 10 + digit;
        }
        // strtoull negates a '-' number in unsigned arithmetic.
        value = negative ? unchecked(0UL - magnitude) : magnitude;
        return true;
    }

    private static bool IsCSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';
}
