using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// The logical read counter of stream IDs (reference section 7): how many entries had been added to the stream up to
/// and including an ID, which can only be known while no deleted entry (tombstone) lies in the way.
/// </summary>
internal static class EntriesReadEstimator
{
    /// <summary>entries_read value meaning "unknown".</summary>
    public const long Unknown = -1;

    /// <summary>Whether an XDEL tombstone may lie at or after <paramref name="from"/>.</summary>
    public static bool HasTombstones(in StreamMetadata stream, StreamId from)
    {
        if (stream.Length == 0 || stream.MaxDeletedId.IsZero) return false;
        return from <= stream.MaxDeletedId;
    }

    /// <summary>The read counter of <paramref name="id"/>, or <see cref="Unknown"/>.</summary>
    public static long Estimate(in StreamMetadata stream, StreamId id)
    {
        if (stream.EntriesAdded == 0) return 0;
        if (stream.Length == 0 && id <= stream.LastId) return stream.EntriesAdded;
        // A tombstone after the ID: the entries between cannot be counted.
        if (!id.IsZero && id < stream.MaxDeletedId) return Unknown;
        if (id == stream.LastId) return stream.EntriesAdded;
        if (id > stream.LastId) return Unknown;
        if (stream.MaxDeletedId.IsZero || stream.MaxDeletedId < stream.FirstId)
        {
            if (id < stream.FirstId) return stream.EntriesAdded - stream.Length;
            if (id == stream.FirstId) return stream.EntriesAdded - stream.Length + 1;
        }
        return Unknown;
    }
}
