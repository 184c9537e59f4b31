namespace OrleansStreams.Api.Overview;

/// <summary>
/// One consumer group. The oldest pending entry is the one with the lowest ID: its age is the time since it was
/// appended (from its ID), its idle time the time since it was last delivered.
/// </summary>
public sealed record GroupOverview(
    string Stream,
    string Name,
    long Consumers,
    long Pending,
    long? Lag,
    string LastDeliveredId,
    long? EntriesRead,
    string? OldestPendingId,
    long? OldestPendingAgeMs,
    long? OldestPendingIdleMs,
    PolicyOverview? Policy);
