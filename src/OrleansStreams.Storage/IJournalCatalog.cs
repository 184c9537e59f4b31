using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

/// <summary>
/// Lists the journals a store holds, so a silo can rebuild what it keeps only in memory (for example its key
/// directory) at start-up without knowing the keys in advance. Kept apart from IJournalStorage so the grain
/// host's contract stays as it is; the database stores implement both.
/// </summary>
public interface IJournalCatalog
{
    /// <summary>Every journal with at least one write, optionally only those of one grain type; in creation order.</summary>
    IAsyncEnumerable<JournalDescriptor> ListAsync(string? grainType = null, CancellationToken cancellationToken = default);
}
