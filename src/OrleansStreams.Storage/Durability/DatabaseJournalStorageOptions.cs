namespace OrleansStreams.Storage;

/// <summary>Settings shared by the database journal stores: durability and the group-commit writer's limits.</summary>
public abstract class DatabaseJournalStorageOptions
{
    public DurabilityMode Durability { get; set; } = DurabilityMode.Always;

    /// <summary>Most writes one transaction carries; writes queued beyond it go to the next transaction.</summary>
    public int MaxBatchWrites { get; set; } = 512;

    /// <summary>A transaction stops taking writes once their encoded bytes reach this.</summary>
    public int MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How often <see cref="DurabilityMode.Everysec"/> flushes committed writes to disk.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        if (!Enum.IsDefined(Durability))
        {
            throw new ArgumentOutOfRangeException(nameof(Durability), Durability, "Durability must be Always, Everysec or None.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchWrites, 1, nameof(MaxBatchWrites));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchBytes, 1, nameof(MaxBatchBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SyncInterval, TimeSpan.Zero, nameof(SyncInterval));
    }
}
