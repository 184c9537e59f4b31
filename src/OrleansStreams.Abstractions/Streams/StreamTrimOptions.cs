namespace OrleansStreams.Streams;

/// <summary>
/// MAXLEN/MINID trimming as parsed from XADD or XTRIM. <see cref="Limit"/>: the most entries one call may remove
/// with <c>~</c>, 0 for no limit, or <see cref="DefaultLimit"/> when LIMIT was not given (the stream then uses
/// 100 × stream-node-max-entries for <c>~</c>, and no limit for exact trimming).
/// </summary>
public readonly record struct StreamTrimOptions(StreamTrimStrategy Strategy, bool Approximate, long MaxLen, StreamId MinId, long Limit)
{
    public const long DefaultLimit = -1;

    public static StreamTrimOptions None => default;

    public bool IsNone => Strategy == StreamTrimStrategy.None;

    public static StreamTrimOptions ByMaxLen(long maxLen, bool approximate = false, long limit = DefaultLimit)
        => new(StreamTrimStrategy.MaxLen, approximate, maxLen, StreamId.Zero, limit);

    public static StreamTrimOptions ByMinId(StreamId minId, bool approximate = false, long limit = DefaultLimit)
        => new(StreamTrimStrategy.MinId, approximate, 0, minId, limit);
}
