using System.Buffers;
using System.Text;

namespace OrleansStreams.Protocol;

/// <summary>
/// The arguments of one command, copied out of the network buffer into one reusable byte buffer, so a
/// connection parses command after command without allocating per argument. Argument 0 is the command name.
/// </summary>
public sealed class CommandArguments
{
    private byte[] _data = new byte[256];
    private int[] _offsets = new int[16];
    private int[] _lengths = new int[16];
    private int _used;

    public int Count { get; private set; }

    public ReadOnlySpan<byte> this[int index] => Span(index);

    public ReadOnlySpan<byte> Span(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return new ReadOnlySpan<byte>(_data, _offsets[index], _lengths[index]);
    }

    public ReadOnlyMemory<byte> Memory(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return new ReadOnlyMemory<byte>(_data, _offsets[index], _lengths[index]);
    }

    /// <summary>A copy of the argument that outlives this buffer.</summary>
    public byte[] ToArray(int index) => Span(index).ToArray();

    /// <summary>The argument as a Latin-1 string: one char per byte, so any binary key maps to a distinct string.</summary>
    public string Text(int index) => Encoding.Latin1.GetString(Span(index));

    /// <summary>Case-insensitive comparison with an ASCII keyword.</summary>
    public bool Is(int index, ReadOnlySpan<byte> upperCaseKeyword) => Ascii.EqualsIgnoreCase(Span(index), upperCaseKeyword);

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    public void Add(ReadOnlySpan<byte> value)
    {
        var destination = Reserve(value.Length);
        value.CopyTo(destination);
    }

    public void Add(in ReadOnlySequence<byte> value)
    {
        var destination = Reserve(checked((int)value.Length));
        value.CopyTo(destination);
    }

    /// <summary>Replaces this instance's contents with a copy of another's (used to queue commands inside MULTI).</summary>
    public void CopyFrom(CommandArguments other)
    {
        Clear();
        for (var i = 0; i < other.Count; i++) Add(other.Span(i));
    }

    public CommandArguments Clone()
    {
        var copy = new CommandArguments();
        copy.CopyFrom(this);
        return copy;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            if (i > 0) builder.Append(' ');
            builder.Append(Text(i));
        }
        return builder.ToString();
    }

    private Span<byte> Reserve(int length)
    {
        if (Count == _offsets.Length)
        {
            Array.Resize(ref _offsets, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }
        if (_used + length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + length));
        }
        _offsets[Count] = _used;
        _lengths[Count] = length;
        Count++;
        _used += length;
        return new Span<byte>(_data, _used - length, length);
    }
}
