using OrleansStreams.Strings;

namespace OrleansStreams.Hashes;

/// <summary>
/// A Redis hash key. Fields keep insertion order, as Redis's listpack encoding of small hashes shows them.
/// Times are the command's clock reading (Unix ms).
/// </summary>
public interface IHashGrain : IExpiringKeyGrain
{
    /// <summary>HGET: null when the field or the key is missing.</summary>
    ValueTask<KeyRead<byte[]?>> GetAsync(string field, long nowMs);

    /// <summary>HMGET: one value (or null) per field.</summary>
    ValueTask<KeyRead<byte[]?[]>> GetManyAsync(string[] fields, long nowMs);

    /// <summary>HGETALL, HKEYS, HVALS: every field in order (empty when the key is missing).</summary>
    ValueTask<KeyRead<HashField[]>> GetAllAsync(long nowMs);

    ValueTask<KeyRead<long>> LengthAsync(long nowMs);

    ValueTask<KeyRead<bool>> ExistsAsync(string field, long nowMs);

    /// <summary>
    /// HSET / HMSET (a later duplicate field wins) and, with <paramref name="onlyIfNew"/>, HSETNX: the number of
    /// fields that were added.
    /// </summary>
    ValueTask<KeyRead<long>> SetAsync(HashField[] fields, bool onlyIfNew, long nowMs);

    /// <summary>HDEL: the number of fields removed; the key goes away with its last field.</summary>
    ValueTask<KeyRead<long>> DeleteFieldsAsync(string[] fields, long nowMs);

    ValueTask<IntegerUpdateResult> IncrementAsync(string field, long delta, long nowMs);

    ValueTask<FloatUpdateResult> IncrementFloatAsync(string field, LongDouble delta, long nowMs);
}
