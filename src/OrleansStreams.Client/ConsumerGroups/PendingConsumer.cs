namespace OrleansStreams.Client;

public sealed record PendingConsumer(string Name, long Count);
