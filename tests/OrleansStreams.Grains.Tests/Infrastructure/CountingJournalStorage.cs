using OrleansStreams.GrainHost;

namespace OrleansStreams.Grains.Tests.Infrastructure;

/// <summary>A journal storage that counts the appends it is asked for, per grain, around an in-memory one.</summary>
public sealed class CountingJournalStorage : IJournalStorage
{
    private readonly MemoryJournalStorage _inner = new();
    private readonly Dictionary<GrainId, int> _appends = [];

    public int AppendsOf(GrainId grainId)
    {
        lock (_appends) return _appends.GetValueOrDefault(grainId);
    }

    public Task<JournalReadResult> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
        => _inner.ReadAsync(grainId, stateName, cancellationToken);

    public Task<long> AppendAsync(GrainId grainId, string stateName, IReadOnlyList<ReadOnlyMemory<byte>> records, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_appends) _appends[grainId] = _appends.GetValueOrDefault(grainId) + 1;
        return _inner.AppendAsync(grainId, stateName, records, expectedVersion, cancellationToken);
    }

    public Task<long> ReplaceAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> snapshot, long expectedVersion, CancellationToken cancellationToken)
        => _inner.ReplaceAsync(grainId, stateName, snapshot, expectedVersion, cancellationToken);

    public Task DeleteAsync(GrainId grainId, string stateName, long expectedVersion, CancellationToken cancellationToken)
        => _inner.DeleteAsync(grainId, stateName, expectedVersion, cancellationToken);
}
