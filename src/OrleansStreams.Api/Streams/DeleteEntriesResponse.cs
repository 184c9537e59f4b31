namespace OrleansStreams.Api.Streams;

public sealed record DeleteEntriesResponse(string Stream, long Deleted);
