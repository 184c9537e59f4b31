namespace OrleansStreams.GrainHost;

/// <summary>One journal inside <see cref="MemoryJournalStorage"/>; guarded by its own lock.</summary>
internal sealed class MemoryJournal
{
    public Lock Sync { get; } = new();

    public byte[]? Snapshot { get; set; }

    public List<byte[]> Records { get; } = [];

    public long Version { get; set; }

    /// <summary>Set when removed from the store, so a writer that raced the removal retries on a fresh journal.</summary>
    public bool Deleted { get; set; }
}
