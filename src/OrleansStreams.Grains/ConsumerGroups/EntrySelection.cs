using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>Copies some entries of a stream's answer into a reply of their own (claims return a subset, in their order).</summary>
internal static class EntrySelection
{
    public static StreamEntries Select(StreamEntries source, IReadOnlyList<int> indexes)
    {
        if (indexes.Count == 0) return StreamEntries.Empty;
        var builder = new StreamEntriesBuilder(entryCapacity: indexes.Count);
        foreach (var index in indexes)
        {
            var entry = source[index];
            builder.BeginEntry(entry.Id, entry.ItemCount);
            foreach (var item in entry.Items) builder.AddItem(item);
        }
        return builder.Build();
    }

    /// <summary>Some entries of <paramref name="first"/> (in <paramref name="indexes"/> order), then all of <paramref name="second"/>.</summary>
    public static StreamEntries Concat(StreamEntries first, IReadOnlyList<int> indexes, StreamEntries second)
    {
        if (second.Count == 0) return Select(first, indexes);
        var builder = new StreamEntriesBuilder(entryCapacity: indexes.Count + second.Count);
        foreach (var index in indexes) Copy(builder, first[index]);
        foreach (var entry in second) Copy(builder, entry);
        return builder.Build();
    }

    private static void Copy(StreamEntriesBuilder builder, StreamEntry entry)
    {
        builder.BeginEntry(entry.Id, entry.ItemCount);
        foreach (var item in entry.Items) builder.AddItem(item);
    }
}
