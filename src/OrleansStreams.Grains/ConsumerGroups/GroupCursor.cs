using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// Where a group stands in its stream: the last delivered ID and the logical read counter of that ID
/// (<see cref="EntriesReadEstimator.Unknown"/> when it cannot be known).
/// </summary>
internal sealed class GroupCursor(StreamId lastDeliveredId, long entriesRead)
{
    public StreamId LastDeliveredId { get; private set; } = lastDeliveredId;

    public long EntriesRead { get; private set; } = entriesRead;

    public bool EntriesReadKnown => EntriesRead != EntriesReadEstimator.Unknown;

    public void Set(StreamId lastDeliveredId, long entriesRead)
    {
        LastDeliveredId = lastDeliveredId;
        EntriesRead = entriesRead;
    }

    /// <summary>XCLAIM LASTID: moves the cursor forward only, leaving entries_read alone.</summary>
    public void RaiseTo(StreamId id)
    {
        if (id > LastDeliveredId) LastDeliveredId = id;
    }

    /// <summary>
    /// Records the delivery of <paramref name="delivered"/> with <c>&gt;</c>. The counter keeps counting while it is
    /// known and nothing was deleted or trimmed between the cursor and the stream's end; otherwise it is estimated
    /// again. (The test on FirstId is Redis 7.4+/8.0's: after trimming past the cursor the old counter is stale.)
    /// </summary>
    public void Advance(StreamId delivered, in StreamMetadata stream)
    {
        if (delivered <= LastDeliveredId) return;
        if (EntriesReadKnown && LastDeliveredId >= stream.FirstId && !EntriesReadEstimator.HasTombstones(stream, LastDeliveredId))
        {
            EntriesRead++;
        }
        else if (stream.EntriesAdded != 0)
        {
            EntriesRead = EntriesReadEstimator.Estimate(stream, delivered);
        }
        LastDeliveredId = delivered;
    }

    /// <summary>How many entries the group has yet to read, or null when that cannot be known.</summary>
    public long? Lag(in StreamMetadata stream)
    {
        if (stream.EntriesAdded == 0 || stream.Length == 0) return 0;
        // Everything before the first entry is gone, tombstones included: every remaining entry is unread.
        if (LastDeliveredId < stream.FirstId && stream.MaxDeletedId < stream.FirstId) return stream.Length;
        if (EntriesReadKnown && !EntriesReadEstimator.HasTombstones(stream, LastDeliveredId)) return stream.EntriesAdded - EntriesRead;
        var estimate = EntriesReadEstimator.Estimate(stream, LastDeliveredId);
        return estimate == EntriesReadEstimator.Unknown ? null : stream.EntriesAdded - estimate;
    }
}
