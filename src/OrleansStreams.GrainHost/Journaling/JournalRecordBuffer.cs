namespace OrleansStreams.GrainHost;

/// <summary>
/// Records appended since the last commit, copied into one growing byte array. When the array is full a new one
/// is started instead of copying, so slices already handed out stay valid until the buffer is cleared.
/// </summary>
internal sealed class JournalRecordBuffer
{
    private const int MinimumCapacity = 256;
    // Past this a buffer is dropped on clear rather than kept for reuse, so one huge batch does not pin memory.
    private const int MaximumRetainedCapacity = 1024 * 1024;

    private readonly List<ReadOnlyMemory<byte>> _records = [];
    private byte[] _bytes = [];
    private int _length;

    public int Count => _records.Count;

    public IReadOnlyList<ReadOnlyMemory<byte>> Records => _records;

    public void Add(ReadOnlySpan<byte> record)
    {
        if (_bytes.Length - _length < record.Length)
        {
            _bytes = new byte[Math.Max(Math.Max(MinimumCapacity, _bytes.Length * 2), record.Length)];
            _length = 0;
        }

        record.CopyTo(_bytes.AsSpan(_length));
        _records.Add(new ReadOnlyMemory<byte>(_bytes, _length, record.Length));
        _length += record.Length;
    }

    public void Clear()
    {
        _records.Clear();
        _length = 0;
        if (_bytes.Length > MaximumRetainedCapacity)
        {
            _bytes = [];
        }
    }
}
