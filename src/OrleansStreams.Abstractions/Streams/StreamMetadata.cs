namespace OrleansStreams.Streams;

/// <summary>
/// A stream's counters at one moment. <paramref name="LastId"/> is the greatest ID ever generated (kept after
/// deletes); <paramref name="FirstId"/> the first live entry (0-0 when empty); <paramref name="MaxDeletedId"/> the
/// greatest ID removed by XDEL; <paramref name="EntriesAdded"/> every entry ever appended. <paramref name="NodeCount"/>
/// is XINFO's radix-tree-keys. <paramref name="GroupsGeneration"/> moves on each group registration or removal;
/// <paramref name="KeyGeneration"/> is the keyspace generation of this life of the key.
/// </summary>
public readonly record struct StreamMetadata(
    long Length,
    StreamId LastId,
    StreamId FirstId,
    StreamId MaxDeletedId,
    long EntriesAdded,
    long NodeCount,
    int GroupCount,
    long GroupsGeneration,
    long KeyGeneration)
{
    public static StreamMetadata Empty => default;
}
