namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// A consumer in XINFO STREAM FULL, in reply order: name, seen-time, active-time (-1 if never), pel-count and pending
/// (the first COUNT items of its PEL).
/// </summary>
public sealed record ConsumerDetails(string Name, long SeenTimeMs, long ActiveTimeMs, long PelCount, IReadOnlyList<ConsumerPendingEntry> Pending);
