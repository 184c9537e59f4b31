namespace OrleansStreams.Streams;

public readonly record struct StreamMetadataResult(StreamStatus Status, StreamMetadata Metadata);
