using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// One group in XINFO GROUPS, in reply order: name, consumers, pending, last-delivered-id, entries-read and lag.
/// <paramref name="EntriesRead"/> and <paramref name="Lag"/> are null when unknown (written as null).
/// <paramref name="Policy"/> is set only for a group with an XGROUPPOLICY (Redis's reply is unchanged otherwise).
/// </summary>
public sealed record GroupSummary(string Name, long Consumers, long Pending, StreamId LastDeliveredId, long? EntriesRead, long? Lag, GroupPolicyInfo? Policy = null);
