namespace OrleansStreams.Streams;

public readonly record struct StreamAddResult(StreamAddStatus Status, StreamId Id);
