namespace OrleansStreams.ConsumerGroups;

/// <summary>A consumer with pending entries in XPENDING's summary (the count goes out as a bulk string).</summary>
public readonly record struct ConsumerPendingCount(string Consumer, long Count);
