using System.Buffers.Text;
using System.Text;

namespace OrleansStreams.Streams;

/// <summary>
/// A stream entry ID, <c>ms-seq</c>: two unsigned 64-bit numbers ordered by ms, then seq. <c>0-0</c> is the
/// smallest ID and never names an entry.
/// </summary>
public readonly struct StreamId : IEquatable<StreamId>, IComparable<StreamId>
{
    /// <summary>Two 20-digit numbers and the dash.</summary>
    public const int MaxFormattedLength = 41;

    public StreamId(ulong ms, ulong seq)
    {
        Ms = ms;
        Seq = seq;
    }

    public ulong Ms { get; }

    public ulong Seq { get; }

    public static StreamId Zero => default;

    public static StreamId Max => new(ulong.MaxValue, ulong.MaxValue);

    public bool IsZero => Ms == 0 && Seq == 0;

    /// <summary>The next ID; false when this is already <see cref="Max"/>.</summary>
    public bool TryIncrement(out StreamId next)
    {
        if (Seq != ulong.MaxValue)
        {
            next = new StreamId(Ms, Seq + 1);
            return true;
        }
        if (Ms != ulong.MaxValue)
        {
            next = new StreamId(Ms + 1, 0);
            return true;
        }
        next = default;
        return false;
    }

    /// <summary>The previous ID; false when this is already <see cref="Zero"/>.</summary>
    public bool TryDecrement(out StreamId previous)
    {
        if (Seq != 0)
        {
            previous = new StreamId(Ms, Seq - 1);
            return true;
        }
        if (Ms != 0)
        {
            previous = new StreamId(Ms - 1, ulong.MaxValue);
            return true;
        }
        previous = Max;
        return false;
    }

    public int CompareTo(StreamId other)
    {
        var byMs = Ms.CompareTo(other.Ms);
        return byMs != 0 ? byMs : Seq.CompareTo(other.Seq);
    }

    public bool Equals(StreamId other) => Ms == other.Ms && Seq == other.Seq;

    public override bool Equals(object? obj) => obj is StreamId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Ms, Seq);

    /// <summary>Writes <c>ms-seq</c> in decimal; needs at most <see cref="MaxFormattedLength"/> bytes.</summary>
    public bool TryFormat(Span<byte> destination, out int written)
    {
        written = 0;
        if (!Utf8Formatter.TryFormat(Ms, destination, out var msLength) || msLength >= destination.Length) return false;
        destination[msLength] = (byte)'-';
        if (!Utf8Formatter.TryFormat(Seq, destination[(msLength + 1)..], out var seqLength)) return false;
        written = msLength + 1 + seqLength;
        return true;
    }

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[MaxFormattedLength];
        TryFormat(buffer, out var written);
        return Encoding.ASCII.GetString(buffer[..written]);
    }

    public static bool operator ==(StreamId left, StreamId right) => left.Equals(right);

    public static bool operator !=(StreamId left, StreamId right) => !left.Equals(right);

    public static bool operator <(StreamId left, StreamId right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamId left, StreamId right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamId left, StreamId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamId left, StreamId right) => left.CompareTo(right) >= 0;
}
