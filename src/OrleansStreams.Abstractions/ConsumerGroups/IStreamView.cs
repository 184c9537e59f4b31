using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// The stream data a consumer group needs, for one stream key. Each call is answered in one turn of the stream,
/// with the stream's counters from that same turn (their KeyGeneration tells which life of the key answered).
/// The group grain calls the stream, never the other way round, so the two can never wait on each other.
/// </summary>
public interface IStreamView
{
    /// <summary>Live entries with ID &gt; <paramref name="after"/>, at most <paramref name="count"/> (0 = all).</summary>
    ValueTask<StreamReadResult> ReadAfterAsync(StreamId after, long count, long nowMs);

    /// <summary>The entries with exactly these IDs, in the order asked; IDs no longer in the stream are marked missing.</summary>
    ValueTask<StreamReadResult> GetEntriesAsync(StreamId[] ids, long nowMs);

    ValueTask<StreamMetadataResult> GetMetadataAsync(long nowMs);

    /// <summary>XADD to this stream (dead letters: a group appends to its dead-letter stream).</summary>
    ValueTask<StreamAddResult> AddAsync(StreamAddRequest request);

    /// <summary>Registers the group name on the stream; <paramref name="makeStream"/> creates an empty stream for a missing key.</summary>
    ValueTask<StreamGroupResult> RegisterGroupAsync(string group, bool makeStream, long nowMs);

    /// <summary>Removes the group name (and wakes readers blocked on the key).</summary>
    ValueTask<StreamGroupResult> UnregisterGroupAsync(string group, long nowMs);

    /// <summary>Whether the group name is registered, with its stamp.</summary>
    ValueTask<StreamGroupResult> GetGroupAsync(string group, long nowMs);
}
