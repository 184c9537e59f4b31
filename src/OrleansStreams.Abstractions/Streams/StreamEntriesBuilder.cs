using System.Buffers.Binary;

namespace OrleansStreams.Streams;

/// <summary>Collects entries into a <see cref="StreamEntries"/>: <see cref="BeginEntry"/>, then its items, then the next entry.</summary>
public sealed class StreamEntriesBuilder
{
    private byte[] _data;
    private int[] _offsets;
    private int _length;
    private int _count;

    public StreamEntriesBuilder(int byteCapacity = 256, int entryCapacity = 8)
    {
        _data = new byte[Math.Max(byteCapacity, StreamEntries.HeaderSize)];
        _offsets = new int[Math.Max(entryCapacity, 1)];
    }

    public int Count => _count;

    public void BeginEntry(StreamId id, int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        WriteHeader(id, itemCount);
    }

    /// <summary>An ID asked for that is not in the stream.</summary>
    public void AddMissing(StreamId id) => WriteHeader(id, -1);

    public void AddItem(ReadOnlySpan<byte> item)
    {
        var span = Reserve(4 + item.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, item.Length);
        item.CopyTo(span[4..]);
    }

    public StreamEntries Build()
    {
        if (_count == 0) return StreamEntries.Empty;
        if (_length != _data.Length) Array.Resize(ref _data, _length);
        return new StreamEntries(_data, _offsets, _count);
    }

    private void WriteHeader(StreamId id, int itemCount)
    {
        if (_count == _offsets.Length) Array.Resize(ref _offsets, _count * 2);
        _offsets[_count++] = _length;
        var span = Reserve(StreamEntries.HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(span, id.Ms);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], id.Seq);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], itemCount);
    }

    private Span<byte> Reserve(int size)
    {
        if (_length + size > _data.Length) Array.Resize(ref _data, Math.Max(_length + size, _data.Length * 2));
        var span = _data.AsSpan(_length, size);
        _length += size;
        return span;
    }
}
