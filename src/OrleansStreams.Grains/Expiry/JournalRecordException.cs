namespace OrleansStreams.Grains.Expiry;

/// <summary>A journal record or snapshot of a plain-key grain that cannot be read: bad checksum, unknown version or kind, truncated.</summary>
public sealed class JournalRecordException(string message) : Exception(message);
