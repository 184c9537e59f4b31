using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansStreams.Grains.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Diagnostics;

/// <summary>
/// What the pending and lag gauges read. Grains publish immutable snapshots at the end of a turn that changed
/// them (a group its pending count and cursor, a stream with groups its counters); the metric reader combines
/// them off-turn, so no grain state is ever read outside its turn. Lag follows new entries without the group
/// being called, as XINFO GROUPS would show it.
/// </summary>
public sealed class GroupGauges
{
    private readonly ConcurrentDictionary<(string Stream, string Group), GroupSnapshot> _groups = new();
    private readonly ConcurrentDictionary<string, StreamMetadata> _streams = new(StringComparer.Ordinal);

    internal void PublishGroup(string stream, string group, int pending, StreamId lastDeliveredId, long entriesRead)
        => _groups[(stream, group)] = new GroupSnapshot(pending, lastDeliveredId, entriesRead);

    internal void RemoveGroup(string stream, string group) => _groups.TryRemove((stream, group), out _);

    /// <summary>Streams without groups are not kept: nothing reads their counters.</summary>
    internal void PublishStream(string stream, in StreamMetadata metadata)
    {
        if (metadata.GroupCount > 0) _streams[stream] = metadata;
        else _streams.TryRemove(stream, out _);
    }

    internal void RemoveStream(string stream) => _streams.TryRemove(stream, out _);

    internal IEnumerable<Measurement<long>> ObservePending()
    {
        foreach (var ((stream, group), snapshot) in _groups)
        {
            yield return new Measurement<long>(snapshot.Pending, Tags(stream, group));
        }
    }

    internal IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var ((stream, group), snapshot) in _groups)
        {
            if (!_streams.TryGetValue(stream, out var metadata)) continue;
            if (new GroupCursor(snapshot.LastDeliveredId, snapshot.EntriesRead).Lag(metadata) is { } lag)
            {
                yield return new Measurement<long>(lag, Tags(stream, group));
            }
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string stream, string group)
        => [new("orleansstreams.stream", stream), new("orleansstreams.group", group)];

    private sealed record GroupSnapshot(int Pending, StreamId LastDeliveredId, long EntriesRead);
}
