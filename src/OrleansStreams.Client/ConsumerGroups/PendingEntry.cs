namespace OrleansStreams.Client;

/// <summary>One entry of the extended form of XPENDING.</summary>
public sealed record PendingEntry(string Id, string Consumer, TimeSpan Idle, long DeliveryCount);
