namespace OrleansStreams.Strings;

/// <summary>A Redis string key. Times are the command's clock reading (Unix ms), so one command sees one now.</summary>
public interface IStringGrain : IExpiringKeyGrain
{
    /// <summary>The value, or null when the key does not exist.</summary>
    ValueTask<KeyRead<byte[]?>> GetAsync(long nowMs);

    ValueTask<StringSetResult> SetAsync(StringSetRequest request);

    /// <summary>GETDEL: the value (null when missing), and the key is deleted.</summary>
    ValueTask<KeyRead<byte[]?>> GetDeleteAsync(long nowMs);

    /// <summary>INCR, DECR, INCRBY, DECRBY: adds <paramref name="delta"/> to the integer value (0 when missing), keeping the TTL.</summary>
    ValueTask<IntegerUpdateResult> IncrementAsync(long delta, long nowMs);

    /// <summary>INCRBYFLOAT, in Redis's long double arithmetic, keeping the TTL.</summary>
    ValueTask<FloatUpdateResult> IncrementFloatAsync(LongDouble delta, long nowMs);
}
