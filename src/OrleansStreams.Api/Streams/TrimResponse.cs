namespace OrleansStreams.Api.Streams;

public sealed record TrimResponse(string Stream, long Trimmed);
