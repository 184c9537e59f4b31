using OrleansStreams.Keys;

namespace OrleansStreams.Grains.Expiry;

/// <summary>
/// The key ownership rule for one plain-key grain: which generation of the key its state belongs to, and the key's
/// expiry (kept in the grain's journal so both survive restarts). Every call checks <see cref="IsCurrent"/> before
/// using state; a key that was deleted, expired or re-created as another type shows up there as stale.
/// </summary>
internal sealed class OwnedKey(Keyspace.Keyspace keyspace, KeyType type)
{
    public string Key { get; set; } = "";

    /// <summary>The generation the state belongs to; 0 when the grain holds no key.</summary>
    public long Generation { get; private set; }

    /// <summary>Unix ms, 0 for no expiry.</summary>
    public long ExpiresAtMs { get; private set; }

    public bool Exists => Generation != 0;

    /// <summary>
    /// True when the grain holds the live key. Otherwise the grain holds nothing; <paramref name="stale"/> says it
    /// held a dead incarnation, which it must now discard (and journal that).
    /// </summary>
    public bool IsCurrent(long nowMs, out bool stale)
    {
        stale = false;
        if (Generation == 0) return false;
        if (keyspace.TryGet(Key, nowMs, out var info) && info.Type == type && info.Generation == Generation)
        {
            ExpiresAtMs = info.ExpiresAtMs;
            return true;
        }
        // Only removes the entry if it is still ours (expired); a newer owner keeps its key.
        keyspace.Release(Key, Generation);
        Forget();
        stale = true;
        return false;
    }

    /// <summary>The type of a live key of another type in the way, or None.</summary>
    public KeyType OtherType(long nowMs)
    {
        var existing = keyspace.TypeOf(Key, nowMs);
        return existing == type ? KeyType.None : existing;
    }

    /// <summary>Claims the key for a write that creates it; fails with the type that holds it.</summary>
    public bool TryClaim(long nowMs, out KeyType otherType)
    {
        var claim = keyspace.TryClaim(Key, type, nowMs);
        otherType = claim.Succeeded ? KeyType.None : claim.ExistingType;
        if (!claim.Succeeded) return false;
        Generation = claim.Generation;
        ExpiresAtMs = !claim.Created && keyspace.TryGet(Key, nowMs, out var info) ? info.ExpiresAtMs : 0;
        return true;
    }

    public void SetExpiry(long expiresAtMs)
    {
        ExpiresAtMs = expiresAtMs;
        keyspace.SetExpiry(Key, Generation, expiresAtMs);
    }

    /// <summary>The key is gone (deleted, emptied, expired): frees the directory entry if it is still ours.</summary>
    public void Release()
    {
        if (Generation != 0) keyspace.Release(Key, Generation);
        Forget();
    }

    /// <summary>Restores what the journal says, without touching the keyspace.</summary>
    public void Recover(long generation, long expiresAtMs)
    {
        Generation = generation;
        ExpiresAtMs = expiresAtMs;
    }

    /// <summary>Active expiry of a key whose grain holds no state (for example one restored without data): drops the expired entry.</summary>
    public bool ReleaseOrphan(long nowMs)
    {
        if (!keyspace.TryGetIncludingExpired(Key, out var info) || info.Type != type || keyspace.IsLive(info, nowMs)) return false;
        return keyspace.Release(Key, info.Generation);
    }

    private void Forget()
    {
        Generation = 0;
        ExpiresAtMs = 0;
    }
}
