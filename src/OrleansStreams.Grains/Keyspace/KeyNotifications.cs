using System.Collections.Concurrent;

namespace OrleansStreams.Grains.Keyspace;

/// <summary>
/// Wakes clients blocked on keys (XREAD/XREADGROUP BLOCK). A grain signals a key inside its turn when something a
/// blocked reader may want happened (an append, a deleted key or group); the reader, waiting outside any turn,
/// then runs its command again, as Redis 7.2+ re-executes blocked commands.
/// </summary>
public sealed class KeyNotifications
{
    private readonly ConcurrentDictionary<string, List<KeyWaiter>> _waiters = new(StringComparer.Ordinal);

    /// <summary>Registers interest in <paramref name="keys"/>. Register before checking for data, so no signal is lost.</summary>
    public KeyWaiter Register(IReadOnlyList<string> keys)
    {
        var waiter = new KeyWaiter(this, keys);
        foreach (var key in keys)
        {
            while (true)
            {
                var list = _waiters.GetOrAdd(key, static _ => []);
                lock (list)
                {
                    // An empty list may have just been removed by Unregister; only add to the one still installed.
                    if (_waiters.TryGetValue(key, out var current) && ReferenceEquals(current, list))
                    {
                        list.Add(waiter);
                        break;
                    }
                }
            }
        }
        return waiter;
    }

    public void Signal(string key)
    {
        if (!_waiters.TryGetValue(key, out var list)) return;
        KeyWaiter[] toWake;
        lock (list)
        {
            if (list.Count == 0) return;
            toWake = [.. list];
        }
        foreach (var waiter in toWake) waiter.Wake();
    }

    /// <summary>Wakes everyone (FLUSHALL, shutdown).</summary>
    public void SignalAll()
    {
        foreach (var key in _waiters.Keys) Signal(key);
    }

    /// <summary>How many keys have at least one waiter (INFO's total_blocking_keys).</summary>
    public int BlockingKeyCount
    {
        get
        {
            var count = 0;
            foreach (var pair in _waiters)
            {
                lock (pair.Value)
                {
                    if (pair.Value.Count > 0) count++;
                }
            }
            return count;
        }
    }

    internal void Unregister(KeyWaiter waiter)
    {
        foreach (var key in waiter.Keys)
        {
            if (!_waiters.TryGetValue(key, out var list)) continue;
            lock (list)
            {
                list.Remove(waiter);
                if (list.Count == 0) _waiters.TryRemove(new KeyValuePair<string, List<KeyWaiter>>(key, list));
            }
        }
    }
}
