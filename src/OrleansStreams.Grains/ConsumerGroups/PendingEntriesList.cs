using System.Diagnostics.CodeAnalysis;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>The group PEL: pending entries by ID, iterable in ID order from any starting ID.</summary>
internal sealed class PendingEntriesList
{
    private readonly SortedSet<StreamId> _order = [];
    private readonly Dictionary<StreamId, PendingEntry> _entries = [];

    public int Count => _entries.Count;

    /// <summary>The smallest pending ID; only meaningful when <see cref="Count"/> is not 0.</summary>
    public StreamId Smallest => _order.Min;

    public StreamId Greatest => _order.Max;

    public bool TryGet(StreamId id, [MaybeNullWhen(false)] out PendingEntry entry) => _entries.TryGetValue(id, out entry);

    public PendingEntry Get(StreamId id) => _entries[id];

    public void Add(PendingEntry entry)
    {
        _entries.Add(entry.Id, entry);
        _order.Add(entry.Id);
    }

    public bool Remove(StreamId id, [MaybeNullWhen(false)] out PendingEntry entry)
    {
        if (!_entries.Remove(id, out entry)) return false;
        _order.Remove(id);
        return true;
    }

    /// <summary>Pending entries with start ≤ ID ≤ end, ascending. Do not change the list while enumerating.</summary>
    public IEnumerable<PendingEntry> Between(StreamId start, StreamId end)
    {
        foreach (var id in Range(_order, start, end)) yield return _entries[id];
    }

    /// <summary>IDs of <paramref name="set"/> with start ≤ ID ≤ end, ascending.</summary>
    public static IEnumerable<StreamId> Range(SortedSet<StreamId> set, StreamId start, StreamId end)
        => set.Count == 0 || start > end ? [] : set.GetViewBetween(start, end);

    /// <summary>The first pending ID greater than <paramref name="id"/>, if any.</summary>
    public bool TryGetNextAfter(StreamId id, out StreamId next)
    {
        next = StreamId.Zero;
        if (!id.TryIncrement(out var start)) return false;
        foreach (var candidate in Range(_order, start, StreamId.Max))
        {
            next = candidate;
            return true;
        }
        return false;
    }
}
