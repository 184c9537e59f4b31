namespace OrleansStreams.Silo.Commands.Transactions;

/// <summary>
/// Modification versions for keys that some client WATCHes. Writes to unwatched keys cost one volatile read.
/// </summary>
public sealed class WatchRegistry
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _watchedCount;

    public long Watch(string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
                _watchedCount = _entries.Count;
            }
            entry.Watchers++;
            return entry.Version;
        }
    }

    public void Unwatch(string key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && --entry.Watchers <= 0)
            {
                _entries.Remove(key);
                _watchedCount = _entries.Count;
            }
        }
    }

    public long VersionOf(string key)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var entry) ? entry.Version : -1;
        }
    }

    public void Touch(string key)
    {
        if (Volatile.Read(ref _watchedCount) == 0) return;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry)) entry.Version++;
        }
    }

    public void TouchAll()
    {
        lock (_lock)
        {
            foreach (var entry in _entries.Values) entry.Version++;
        }
    }

    private sealed class Entry
    {
        public long Version;
        public int Watchers;
    }
}
