namespace OrleansStreams.Api.Groups;

public sealed record PendingConsumerResponse(string Name, long Count);
