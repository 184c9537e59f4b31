namespace OrleansStreams.Streams;

/// <summary>
/// The answer to a group registration call. <paramref name="GroupStamp"/> identifies this registration of the
/// name (a group destroyed and created again gets a new stamp), so a group grain can tell its state is stale.
/// <paramref name="Metadata"/> is the stream at the same moment (its LastId resolves <c>$</c>).
/// </summary>
public readonly record struct StreamGroupResult(StreamGroupStatus Status, long GroupStamp, StreamMetadata Metadata);
