namespace OrleansStreams.Streams;

/// <summary>Entries read in one turn, with the stream's counters from that same turn.</summary>
public sealed record StreamReadResult(StreamStatus Status, StreamEntries Entries, StreamMetadata Metadata)
{
    public static StreamReadResult NoKey { get; } = new(StreamStatus.NoKey, StreamEntries.Empty, StreamMetadata.Empty);

    public static StreamReadResult WrongType { get; } = new(StreamStatus.WrongType, StreamEntries.Empty, StreamMetadata.Empty);
}
