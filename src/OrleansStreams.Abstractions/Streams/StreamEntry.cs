using System.Buffers.Binary;

namespace OrleansStreams.Streams;

/// <summary>One entry of a <see cref="StreamEntries"/>: its ID and, unless it is missing, its fields and values in order.</summary>
public readonly ref struct StreamEntry
{
    private readonly int _itemCount;
    private readonly ReadOnlySpan<byte> _items;

    internal StreamEntry(StreamId id, int itemCount, ReadOnlySpan<byte> items)
    {
        Id = id;
        _itemCount = itemCount;
        _items = items;
    }

    public StreamId Id { get; }

    /// <summary>False for an ID that was asked for by value and is no longer in the stream (deleted or trimmed).</summary>
    public bool Exists => _itemCount >= 0;

    /// <summary>Fields plus values: twice the number of pairs.</summary>
    public int ItemCount => Math.Max(_itemCount, 0);

    public ItemEnumerator Items => new(_items);

    /// <summary>Yields field, value, field, value...</summary>
    public ref struct ItemEnumerator(ReadOnlySpan<byte> items)
    {
        private readonly ReadOnlySpan<byte> _items = items;
        private int _next;

        public ReadOnlySpan<byte> Current { get; private set; }

        public readonly ItemEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next >= _items.Length) return false;
            var length = BinaryPrimitives.ReadInt32LittleEndian(_items[_next..]);
            Current = _items.Slice(_next + 4, length);
            _next += 4 + length;
            return true;
        }
    }
}
