namespace OrleansStreams.Client;

/// <summary>The summary form of XPENDING: how many entries are pending, their ID range, and per consumer counts.</summary>
public sealed record PendingSummary(long Count, string? SmallestId, string? LargestId, IReadOnlyList<PendingConsumer> Consumers);
