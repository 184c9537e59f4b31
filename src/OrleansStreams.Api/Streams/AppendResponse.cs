namespace OrleansStreams.Api.Streams;

/// <summary>The ID the silo gave the appended entry.</summary>
public sealed record AppendResponse(string Stream, string Id);
