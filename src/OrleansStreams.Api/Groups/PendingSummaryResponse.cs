using OrleansStreams.Client;

namespace OrleansStreams.Api.Groups;

/// <summary>XPENDING summary: how many entries wait for an acknowledgement, their ID range, and per consumer counts.</summary>
public sealed record PendingSummaryResponse(long Count, string? SmallestId, string? LargestId, IReadOnlyList<PendingConsumerResponse> Consumers)
{
    public static PendingSummaryResponse From(PendingSummary summary) => new(
        summary.Count,
        summary.SmallestId,
        summary.LargestId,
        [.. summary.Consumers.Select(consumer => new PendingConsumerResponse(consumer.Name, consumer.Count))]);
}
