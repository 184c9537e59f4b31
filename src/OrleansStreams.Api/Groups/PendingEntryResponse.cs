using OrleansStreams.Client;

namespace OrleansStreams.Api.Groups;

/// <summary>One pending entry: its owner, time since its last delivery, and how often it was delivered.</summary>
public sealed record PendingEntryResponse(string Id, string Consumer, long IdleMs, long DeliveryCount)
{
    public static PendingEntryResponse From(PendingEntry entry) =>
        new(entry.Id, entry.Consumer, (long)entry.Idle.TotalMilliseconds, entry.DeliveryCount);
}
