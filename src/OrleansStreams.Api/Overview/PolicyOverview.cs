namespace OrleansStreams.Api.Overview;

public sealed record PolicyOverview(long? ClaimIdleMs, long? MaxDeliveries, string? DeadLetter, long? Reclaimed, long? DeadLettered);
