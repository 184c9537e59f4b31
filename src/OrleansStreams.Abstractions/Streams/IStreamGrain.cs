using OrleansStreams.Strings;

namespace OrleansStreams.Streams;

/// <summary>
/// A Redis stream key (grain type "stream", key = the Redis key). Every call takes the command's clock reading
/// (<c>nowMs</c>), used for expiry checks and auto IDs, so one command sees one "now". Calls on a key that holds
/// another type answer WrongType; reads of a missing key answer NoKey.
/// </summary>
public interface IStreamGrain : IExpiringKeyGrain
{
    /// <summary>XADD, trimming included.</summary>
    ValueTask<StreamAddResult> AddAsync(StreamAddRequest request);

    /// <summary>Several XADDs in one turn, applied in order as if one after another, acknowledged by one journal commit.</summary>
    ValueTask<StreamAddResult[]> AddBatchAsync(StreamAddRequest[] requests);

    /// <summary>XADDIF / XADDMULTIIF: an all-or-nothing append under an expected version.</summary>
    ValueTask<StreamConditionalAddResult> AddIfAsync(StreamConditionalAddRequest request);

    /// <summary>XRANGE (ascending) or XREVRANGE (descending): live entries with start ≤ ID ≤ end, at most <paramref name="count"/> (0 = all).</summary>
    ValueTask<StreamReadResult> RangeAsync(StreamId start, StreamId end, long count, bool reverse, long nowMs);

    /// <summary>Live entries with ID &gt; <paramref name="after"/>, at most <paramref name="count"/> (0 = all), with the counters (XREAD, XREADGROUP &gt;).</summary>
    ValueTask<StreamReadResult> ReadAfterAsync(StreamId after, long count, long nowMs);

    /// <summary>XREAD's <c>+</c>: the entry whose ID is the stream's last ID, if it is still there.</summary>
    ValueTask<StreamReadResult> ReadLastEntryAsync(long nowMs);

    /// <summary>The entries with exactly these IDs, in the order asked, missing ones marked (history reads, claims).</summary>
    ValueTask<StreamReadResult> GetEntriesAsync(StreamId[] ids, long nowMs);

    ValueTask<StreamMetadataResult> GetMetadataAsync(long nowMs);

    /// <summary>XLEN.</summary>
    ValueTask<StreamCountResult> LengthAsync(long nowMs);

    /// <summary>XDEL: how many of the IDs were live entries and are now deleted.</summary>
    ValueTask<StreamCountResult> DeleteEntriesAsync(StreamId[] ids, long nowMs);

    /// <summary>XTRIM: how many entries were removed.</summary>
    ValueTask<StreamCountResult> TrimAsync(StreamTrimOptions trim, long nowMs);

    /// <summary>XSETID.</summary>
    ValueTask<StreamSetIdStatus> SetIdAsync(StreamSetIdRequest request);

    /// <summary>XINFO STREAM; <paramref name="entryCount"/> entries for FULL (0 = all, -1 = none).</summary>
    ValueTask<StreamInfo> GetInfoAsync(long entryCount, long nowMs);

    /// <summary>XGROUP CREATE's registration; <paramref name="makeStream"/> (MKSTREAM) creates an empty stream for a missing key.</summary>
    ValueTask<StreamGroupResult> CreateGroupAsync(string group, bool makeStream, long nowMs);

    /// <summary>XGROUP DESTROY's deregistration; wakes clients blocked on the key.</summary>
    ValueTask<StreamGroupResult> DestroyGroupAsync(string group, long nowMs);

    /// <summary>Whether the group is registered, with its stamp and the stream's counters.</summary>
    ValueTask<StreamGroupResult> GetGroupAsync(string group, long nowMs);
}
