using System.Globalization;
using System.Numerics;
using System.Text;

namespace OrleansStreams.Strings;

/// <summary>
/// The x87 80-bit <c>long double</c> that Redis uses for INCRBYFLOAT and HINCRBYFLOAT on x86-64: a 64-bit
/// significand, round-half-even, exponents down to subnormal 2^-16445. .NET has no such type, and plain doubles
/// give different text (10.5 + 0.1 is "10.6" in Redis, 10.599999999999999 with doubles), so the arithmetic is
/// done exactly with big integers and rounded the way the FPU does. Only the increment commands use it.
/// </summary>
public readonly struct LongDouble
{
    private const int SignificandBits = 64;

    // Exponent of the least significant significand bit of the smallest subnormal, and of the largest finite value.
    private const int MinLsbExponent = -16445;
    private const int MaxTopExponent = 16383;

    // MAX_LONG_DOUBLE_CHARS in Redis: longer input is not a number.
    private const int MaxTextLength = 5 * 1024;

    // Digits after the point in Redis's human-friendly format ("%.17Lf", trailing zeros removed).
    private const int FractionDigits = 17;

    private static readonly BigInteger FractionScale = BigInteger.Pow(10, FractionDigits);

    private readonly ulong _significand;
    private readonly int _exponent;

    private LongDouble(bool negative, ulong significand, int exponent, bool infinite)
    {
        IsNegative = negative;
        _significand = significand;
        _exponent = exponent;
        IsInfinity = infinite;
    }

    public static LongDouble Zero => default;

    public bool IsNegative { get; }

    public bool IsInfinity { get; }

    public bool IsZero => !IsInfinity && _significand == 0;

    public static LongDouble FromInteger(long value)
    {
        var magnitude = value < 0 ? (ulong)-(value + 1) + 1 : (ulong)value;
        return new LongDouble(value < 0, magnitude, 0, false);
    }

    /// <summary>
    /// Parses as Redis's string2ld does with strtold: decimal or hexadecimal (0x1.8p3) notation, "inf" and
    /// "infinity" accepted; NaN, leading spaces, anything strtold does not consume (a NUL byte included), overflow
    /// and underflow to zero rejected.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out LongDouble value)
    {
        value = default;
        if (text.IsEmpty || text.Length >= MaxTextLength) return false;
        if (IsSpace(text[0])) return false;

        var negative = false;
        var rest = text;
        if (rest[0] is (byte)'+' or (byte)'-')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }
        if (IsInfinityText(rest))
        {
            value = new LongDouble(negative, 0, 0, true);
            return true;
        }
        var parsed = rest.Length > 2 && rest[0] == '0' && (rest[1] | 0x20) == 'x'
            ? TryParseHex(rest[2..], negative, out value)
            : TryParseDecimal(rest, negative, out value);
        // strtold reports overflow (HUGE_VALL) and underflow to zero as ERANGE, which Redis rejects.
        return parsed && !value.IsInfinity;
    }

    /// <summary>The sum rounded to long double; false when it is infinite or NaN.</summary>
    public static bool TryAdd(LongDouble left, LongDouble right, out LongDouble sum)
    {
        sum = default;
        if (left.IsInfinity || right.IsInfinity) return false;
        if (left.IsZero)
        {
            sum = right.IsZero ? new LongDouble(left.IsNegative && right.IsNegative, 0, 0, false) : right;
            return true;
        }
        if (right.IsZero)
        {
            sum = left;
            return true;
        }

        var exponent = Math.Min(left._exponent, right._exponent);
        var total = left.Scaled(exponent) + right.Scaled(exponent);
        if (total.IsZero)
        {
            // Exact cancellation gives +0 when rounding to nearest.
            return true;
        }
        sum = Round(BigInteger.Abs(total), false, exponent, total.Sign < 0);
        return !sum.IsInfinity;
    }

    /// <summary>
    /// Redis's human-friendly text (ld2string with LD_STR_HUMAN): fixed point with 17 decimals, correctly rounded
    /// half-even as glibc's printf does, trailing zeros and a bare point removed, and "-0" written as "0".
    /// </summary>
    public byte[] ToRedisText()
    {
        if (IsInfinity) return IsNegative ? "-inf"u8.ToArray() : "inf"u8.ToArray();

        var builder = new StringBuilder();
        if (IsNegative) builder.Append('-');
        if (_exponent >= 0)
        {
            builder.Append((new BigInteger(_significand) << _exponent).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            var scaled = new BigInteger(_significand) * FractionScale;
            var shift = -_exponent;
            BigInteger rounded;
            if (shift > scaled.GetBitLength() + 1)
            {
                rounded = BigInteger.Zero;
            }
            else
            {
                rounded = scaled >> shift;
                var remainder = scaled - (rounded << shift);
                var half = BigInteger.One << (shift - 1);
                var comparison = remainder.CompareTo(half);
                if (comparison > 0 || (comparison == 0 && !rounded.IsEven)) rounded += 1;
            }
            var integerPart = BigInteger.DivRem(rounded, FractionScale, out var fraction);
            builder.Append(integerPart.ToString(CultureInfo.InvariantCulture));
            var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(FractionDigits, '0').TrimEnd('0');
            if (fractionText.Length > 0) builder.Append('.').Append(fractionText);
        }

        var text = builder.ToString();
        return Encoding.ASCII.GetBytes(text == "-0" ? "0" : text);
    }

    public override string ToString() => Encoding.ASCII.GetString(ToRedisText());

    private BigInteger Scaled(int exponent)
    {
        var magnitude = new BigInteger(_significand) << (_exponent - exponent);
        return IsNegative ? -magnitude : magnitude;
    }

    private static bool TryParseDecimal(ReadOnlySpan<byte> text, bool negative, out LongDouble value)
    {
        value = default;
        var digits = new StringBuilder();
        var fractionDigits = 0;
        var seenDigit = false;
        var seenPoint = false;
        var i = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                seenDigit = true;
                if (digits.Length > 0 || c != '0') digits.Append((char)c);
                if (seenPoint) fractionDigits++;
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }
        if (!seenDigit) return false;

        long exponent = 0;
        if (i < text.Length)
        {
            if ((text[i] | 0x20) != 'e' || !TryParseExponent(text[(i + 1)..], out exponent)) return false;
        }
        if (digits.Length == 0)
        {
            value = new LongDouble(negative, 0, 0, false);
            return true;
        }

        var mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        var scale = exponent - fractionDigits;
        // The value lies in [10^(magnitude-1), 10^magnitude); long double spans about 3.6e-4951 to 1.19e4932.
        var magnitude = digits.Length + scale;
        if (magnitude > 4934)
        {
            value = new LongDouble(negative, 0, 0, true);
            return true;
        }
        if (magnitude < -4952) return false;

        value = scale >= 0
            ? Round(mantissa * BigInteger.Pow(10, (int)scale), false, 0, negative)
            : RoundQuotient(mantissa, BigInteger.Pow(10, (int)-scale), negative);
        return !value.IsZero;
    }

    private static bool TryParseHex(ReadOnlySpan<byte> text, bool negative, out LongDouble value)
    {
        value = default;
        var mantissa = BigInteger.Zero;
        var fractionDigits = 0;
        var seenDigit = false;
        var seenPoint = false;
        var i = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var digit = HexValue(c);
            if (digit >= 0)
            {
                seenDigit = true;
                mantissa = (mantissa << 4) + digit;
                if (seenPoint) fractionDigits++;
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }
        // "0x" without digits is parsed by strtold as "0" followed by garbage.
        if (!seenDigit) return false;

        long exponent = 0;
        if (i < text.Length)
        {
            if ((text[i] | 0x20) != 'p' || !TryParseExponent(text[(i + 1)..], out exponent)) return false;
        }
        if (mantissa.IsZero)
        {
            value = new LongDouble(negative, 0, 0, false);
            return true;
        }

        var scale = exponent - 4L * fractionDigits;
        var top = (long)mantissa.GetBitLength() - 1 + scale;
        if (top > MaxTopExponent)
        {
            value = new LongDouble(negative, 0, 0, true);
            return true;
        }
        if (top < MinLsbExponent - 1) return false;

        value = Round(mantissa, false, (int)scale, negative);
        return !value.IsZero;
    }

    /// <summary>A decimal exponent: optional sign and at least one digit, saturating far beyond any representable value.</summary>
    private static bool TryParseExponent(ReadOnlySpan<byte> text, out long exponent)
    {
        exponent = 0;
        var negative = false;
        if (!text.IsEmpty && text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text.IsEmpty) return false;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            if (exponent < 1_000_000_000) exponent = exponent * 10 + (c - '0');
        }
        if (negative) exponent = -exponent;
        return true;
    }

    private static LongDouble RoundQuotient(BigInteger numerator, BigInteger denominator, bool negative)
    {
        // Scale so the quotient has at least SignificandBits + 2 bits; the remainder becomes the sticky bit.
        var shift = SignificandBits + 2 - ((long)numerator.GetBitLength() - (long)denominator.GetBitLength());
        var quotient = shift >= 0
            ? BigInteger.DivRem(numerator << (int)shift, denominator, out var remainder)
            : BigInteger.DivRem(numerator, denominator << (int)-shift, out remainder);
        return Round(quotient, !remainder.IsZero, (int)-shift, negative);
    }

    /// <summary>Rounds magnitude × 2^exponent (plus a sticky fraction below it) to 64 significant bits, half-even.</summary>
    private static LongDouble Round(BigInteger magnitude, bool sticky, int exponent, bool negative)
    {
        var length = (long)magnitude.GetBitLength();
        var drop = Math.Max(0, length - SignificandBits);
        if (exponent + drop < MinLsbExponent) drop = MinLsbExponent - (long)exponent;

        BigInteger kept;
        if (drop == 0)
        {
            kept = magnitude;
        }
        else if (drop > length)
        {
            kept = BigInteger.Zero;
        }
        else
        {
            kept = magnitude >> (int)drop;
            var halfBit = !(magnitude & (BigInteger.One << (int)(drop - 1))).IsZero;
            var below = sticky || !(magnitude & ((BigInteger.One << (int)(drop - 1)) - 1)).IsZero;
            if (halfBit && (below || !kept.IsEven)) kept += 1;
        }

        var lsbExponent = exponent + drop;
        if (kept.GetBitLength() > SignificandBits)
        {
            kept >>= 1;
            lsbExponent++;
        }
        if (kept.IsZero) return new LongDouble(negative, 0, 0, false);
        if (lsbExponent + (long)kept.GetBitLength() - 1 > MaxTopExponent) return new LongDouble(negative, 0, 0, true);
        return new LongDouble(negative, (ulong)kept, (int)lsbExponent, false);
    }

    private static bool IsInfinityText(ReadOnlySpan<byte> text)
        => System.Text.Ascii.EqualsIgnoreCase(text, "inf"u8) || System.Text.Ascii.EqualsIgnoreCase(text, "infinity"u8);

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
