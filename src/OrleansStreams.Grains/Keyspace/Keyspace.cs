using System.Collections.Concurrent;
using OrleansStreams.Keys;

namespace OrleansStreams.Grains.Keyspace;

/// <summary>
/// The directory of keys: which type each key holds, its generation and its expiry. Only the grain that owns a
/// key claims or releases it, inside its own turn, so the directory and the grains agree; two grains of different
/// types racing for one key cannot both win, because claiming is atomic. Readers (TYPE, EXISTS, KEYS, SCAN) see
/// expired keys as gone at once; the owning grain removes them later.
/// </summary>
public sealed class Keyspace
{
    private readonly ConcurrentDictionary<string, KeyInfo> _keys = new(StringComparer.Ordinal);
    private long _lastGeneration;
    private GenerationLease? _lease;

    /// <summary>The highest generation handed out or restored so far.</summary>
    public long LastGeneration => Volatile.Read(ref _lastGeneration);

    /// <summary>
    /// Makes every generation handed out from now on wait until a durable <paramref name="lease"/> covers it, so
    /// generations stay unique across restarts. Without one (in-memory storage) they are unique per process only.
    /// </summary>
    public void UseGenerationLease(GenerationLease lease) => _lease = lease;

    public bool IsLive(in KeyInfo info, long nowMs) => info.ExpiresAtMs == 0 || info.ExpiresAtMs > nowMs;

    /// <summary>Claims <paramref name="key"/> for <paramref name="type"/>: succeeds if it is free, expired, or already of that type.</summary>
    public KeyClaim TryClaim(string key, KeyType type, long nowMs)
    {
        while (true)
        {
            if (_keys.TryGetValue(key, out var existing))
            {
                if (IsLive(existing, nowMs))
                {
                    return existing.Type == type
                        ? new KeyClaim(true, type, existing.Generation, Created: false)
                        : new KeyClaim(false, existing.Type, existing.Generation, Created: false);
                }
                var replacement = new KeyInfo(key, type, NextGeneration(), 0);
                if (_keys.TryUpdate(key, replacement, existing)) return new KeyClaim(true, type, replacement.Generation, Created: true);
                continue;
            }
            var created = new KeyInfo(key, type, NextGeneration(), 0);
            if (_keys.TryAdd(key, created)) return new KeyClaim(true, type, created.Generation, Created: true);
        }
    }

    /// <summary>Restores a key found in storage at start-up, keeping its generation.</summary>
    public void Restore(KeyInfo info)
    {
        _keys[info.Key] = info;
        SkipGenerationsThrough(info.Generation);
    }

    /// <summary>Makes every later claim get a generation above <paramref name="generation"/> (start-up: above every one ever used).</summary>
    public void SkipGenerationsThrough(long generation)
    {
        long seen;
        while ((seen = Volatile.Read(ref _lastGeneration)) < generation)
        {
            Interlocked.CompareExchange(ref _lastGeneration, generation, seen);
        }
    }

    private long NextGeneration()
    {
        var generation = Interlocked.Increment(ref _lastGeneration);
        _lease?.Cover(generation);
        return generation;
    }

    /// <summary>Removes the key if it still belongs to <paramref name="generation"/>.</summary>
    public bool Release(string key, long generation)
    {
        if (!_keys.TryGetValue(key, out var existing) || existing.Generation != generation) return false;
        return _keys.TryRemove(new KeyValuePair<string, KeyInfo>(key, existing));
    }

    public bool TryGet(string key, long nowMs, out KeyInfo info)
    {
        return _keys.TryGetValue(key, out info) && IsLive(info, nowMs);
    }

    /// <summary>The key's entry even if it has expired (the owning grain uses this to clean up).</summary>
    public bool TryGetIncludingExpired(string key, out KeyInfo info) => _keys.TryGetValue(key, out info);

    public KeyType TypeOf(string key, long nowMs) => TryGet(key, nowMs, out var info) ? info.Type : KeyType.None;

    /// <summary>Sets or clears (0) the expiry of the key's current generation.</summary>
    public bool SetExpiry(string key, long generation, long expiresAtMs)
    {
        while (_keys.TryGetValue(key, out var existing) && existing.Generation == generation)
        {
            if (_keys.TryUpdate(key, existing with { ExpiresAtMs = expiresAtMs }, existing)) return true;
        }
        return false;
    }

    public int Count(long nowMs)
    {
        var count = 0;
        foreach (var pair in _keys)
        {
            if (IsLive(pair.Value, nowMs)) count++;
        }
        return count;
    }

    /// <summary>A point-in-time list of live keys.</summary>
    public List<KeyInfo> Snapshot(long nowMs)
    {
        var list = new List<KeyInfo>(_keys.Count);
        foreach (var pair in _keys)
        {
            if (IsLive(pair.Value, nowMs)) list.Add(pair.Value);
        }
        return list;
    }

    /// <summary>Every key, expired ones included (FLUSHALL uses this to reach every owning grain).</summary>
    public List<KeyInfo> AllEntries() => [.. _keys.Values];
}
