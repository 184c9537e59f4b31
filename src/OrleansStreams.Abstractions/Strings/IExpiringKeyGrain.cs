using OrleansStreams.Keys;

namespace OrleansStreams.Strings;

/// <summary>
/// A key grain that keeps the key's expiry in its own journaled state, so EXPIRE and PERSIST run inside its turn
/// and survive restarts. String and hash grains implement it.
/// </summary>
public interface IExpiringKeyGrain : IKeyGrain
{
    /// <summary>EXPIRE and friends; an expiry at or before now deletes the key.</summary>
    ValueTask<ExpireOutcome> ExpireAsync(ExpireRequest request);

    /// <summary>PERSIST: true when an expiry was removed.</summary>
    ValueTask<bool> PersistAsync(long nowMs);

    /// <summary>Drops the key if it has expired (active expiry); true when something was removed.</summary>
    ValueTask<bool> EvictExpiredAsync(long nowMs);
}
