namespace OrleansStreams.Api.Streams;

public sealed record AppendBatchResponse(string Stream, IReadOnlyList<string> Ids);
