using System.Buffers.Binary;

namespace OrleansStreams.Streams;

/// <summary>
/// Entries copied out of a stream for one reply, all in one buffer: per entry its ID (two little-endian
/// 64-bit numbers), its item count (-1 for an ID that is no longer in the stream), then each field and value as
/// a 32-bit length and its bytes. Built with <see cref="StreamEntriesBuilder"/>; read with foreach.
/// </summary>
public sealed class StreamEntries
{
    internal const int HeaderSize = 20;

    private readonly byte[] _data;
    private readonly int[] _offsets;

    internal StreamEntries(byte[] data, int[] offsets, int count)
    {
        _data = data;
        _offsets = offsets;
        Count = count;
    }

    public static StreamEntries Empty { get; } = new([], [], 0);

    public int Count { get; }

    public StreamEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return Read(index);
        }
    }

    public StreamId IdAt(int index) => this[index].Id;

    public Enumerator GetEnumerator() => new(this);

    private StreamEntry Read(int index)
    {
        var start = _offsets[index];
        var end = index + 1 < Count ? _offsets[index + 1] : _data.Length;
        var header = _data.AsSpan(start, HeaderSize);
        var id = new StreamId(BinaryPrimitives.ReadUInt64LittleEndian(header), BinaryPrimitives.ReadUInt64LittleEndian(header[8..]));
        var items = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        return new StreamEntry(id, items, _data.AsSpan(start + HeaderSize, end - start - HeaderSize));
    }

    public ref struct Enumerator(StreamEntries entries)
    {
        private int _index = -1;

        public readonly StreamEntry Current => entries.Read(_index);

        public bool MoveNext() => ++_index < entries.Count;
    }
}
