using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>The XADD of one dead letter, made safe to repeat after a crash.</summary>
internal static class DeadLetterAppend
{
    /// <summary>
    /// Appends under the entry's own ID. When the dead-letter stream is already past that ID, either an earlier
    /// attempt of this group put the entry there (Added: nothing more to do) or the stream collects from several
    /// sources and the entry is appended under a new ID, its fields (which name its origin) unchanged.
    /// </summary>
    public static async ValueTask<StreamAddStatus> AppendAsync(IStreamView target, StreamId id, StreamFields fields, string streamKey, string group, long nowMs)
    {
        var added = await target.AddAsync(new StreamAddRequest(StreamIdMode.Explicit, id, fields, StreamTrimOptions.None, NoMakeStream: false, nowMs));
        if (added.Status != StreamAddStatus.IdNotGreater) return added.Status;

        var existing = await target.GetEntriesAsync([id], nowMs);
        if (existing.Status == StreamStatus.Ok && existing.Entries.Count == 1 && existing.Entries[0].Exists
            && DeadLetterFields.CameFrom(existing.Entries[0], streamKey, group))
        {
            return StreamAddStatus.Added;
        }
        added = await target.AddAsync(new StreamAddRequest(StreamIdMode.Auto, StreamId.Zero, fields, StreamTrimOptions.None, NoMakeStream: false, nowMs));
        return added.Status;
    }
}
