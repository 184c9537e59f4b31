namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// One consumer in XINFO CONSUMERS: name, pending, idle (ms since the last attempted interaction, at least 0) and
/// inactive (ms since the last successful read or claim, -1 if there was none).
/// </summary>
public readonly record struct ConsumerSummary(string Name, long Pending, long IdleMs, long InactiveMs);
