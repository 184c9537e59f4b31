using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// A group in XINFO STREAM FULL, in reply order: name, last-delivered-id, entries-read (null if unknown), lag (null if
/// unknown), pel-count, pending (the first COUNT PEL items) and consumers (by name).
/// </summary>
public sealed record GroupDetails(
    string Name,
    StreamId LastDeliveredId,
    long? EntriesRead,
    long? Lag,
    long PelCount,
    IReadOnlyList<GroupPendingEntry> Pending,
    IReadOnlyList<ConsumerDetails> Consumers);
