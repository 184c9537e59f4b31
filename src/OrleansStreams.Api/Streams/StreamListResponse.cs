namespace OrleansStreams.Api.Streams;

public sealed record StreamListResponse(IReadOnlyList<string> Streams);
