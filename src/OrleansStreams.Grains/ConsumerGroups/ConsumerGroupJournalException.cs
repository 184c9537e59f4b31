namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>A consumer-group journal record or snapshot that cannot be read: bad checksum, unknown version or kind, truncated.</summary>
public sealed class ConsumerGroupJournalException(string message) : Exception(message);
