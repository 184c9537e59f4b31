namespace OrleansStreams.Api.Overview;

/// <summary>What the dashboard shows, gathered in one call. <see cref="Truncated"/> says the stream list was cut at the limit.</summary>
public sealed record OverviewResponse(
    long GeneratedAtMs,
    IReadOnlyList<StreamOverview> Streams,
    IReadOnlyList<GroupOverview> Groups,
    IReadOnlyList<DeadLetterOverview> DeadLetterStreams,
    bool Truncated);
