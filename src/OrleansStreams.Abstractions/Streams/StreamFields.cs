namespace OrleansStreams.Streams;

/// <summary>
/// The field-value pairs of a new entry, copied out of the request into one buffer (each item a varint length and
/// its bytes), so an XADD carries one allocation however many fields it has. Fill it with <see cref="Add"/>, field
/// then value, before handing it to a grain.
/// </summary>
public sealed class StreamFields
{
    private byte[] _data;
    private int _length;
    private int _items;

    public StreamFields(int pairCount, int byteCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pairCount);
        PairCount = pairCount;
        _data = new byte[Math.Max(byteCapacity, 16)];
    }

    public int PairCount { get; }

    /// <summary>The sum of the field and value lengths (Redis refuses entries above 1 GiB).</summary>
    public long PayloadBytes { get; private set; }

    public bool IsComplete => _items == PairCount * 2;

    /// <summary>The encoded items: per item a varint length, then the bytes.</summary>
    public ReadOnlySpan<byte> Encoded => _data.AsSpan(0, _length);

    public void Add(ReadOnlySpan<byte> item)
    {
        if (_items == PairCount * 2) throw new InvalidOperationException("All fields and values were already added.");
        var needed = _length + Varint.MaxLength + item.Length;
        if (needed > _data.Length) Array.Resize(ref _data, Math.Max(needed, _data.Length * 2));
        _length += Varint.Write(_data.AsSpan(_length), (ulong)item.Length);
        item.CopyTo(_data.AsSpan(_length));
        _length += item.Length;
        PayloadBytes += item.Length;
        _items++;
    }

    public Reader GetReader() => new(Encoded);

    /// <summary>Walks the items in order: field, value, field, value...</summary>
    public ref struct Reader(ReadOnlySpan<byte> encoded)
    {
        private readonly ReadOnlySpan<byte> _encoded = encoded;
        private int _position;

        public ReadOnlySpan<byte> Next()
        {
            var length = (int)Varint.Read(_encoded, ref _position);
            var item = _encoded.Slice(_position, length);
            _position += length;
            return item;
        }
    }
}
