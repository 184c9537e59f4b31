namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>One event of a text/event-stream response.</summary>
public sealed record ServerSentEvent(string Type, string? Id, string Data, long? RetryMs = null);
