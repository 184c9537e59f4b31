namespace OrleansStreams.Grains.Streams;

/// <summary>
/// Redis's stream-node-max-entries and stream-node-max-bytes, shared by every stream and changeable at run time
/// (CONFIG SET). They decide when a stream starts a new storage node, which shows in XINFO and in how much
/// approximate (<c>~</c>) trimming removes. 0 means no limit.
/// </summary>
public sealed class StreamSettings
{
    public const long DefaultNodeMaxEntries = 100;
    public const long DefaultNodeMaxBytes = 4096;

    private long _nodeMaxEntries = DefaultNodeMaxEntries;
    private long _nodeMaxBytes = DefaultNodeMaxBytes;

    public long NodeMaxEntries
    {
        get => Volatile.Read(ref _nodeMaxEntries);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _nodeMaxEntries, value);
        }
    }

    public long NodeMaxBytes
    {
        get => Volatile.Read(ref _nodeMaxBytes);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _nodeMaxBytes, value);
        }
    }
}
