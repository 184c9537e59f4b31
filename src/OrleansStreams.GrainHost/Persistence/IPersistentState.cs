namespace OrleansStreams.GrainHost;

/// <summary>Whole-state persistence with an ETag, as Orleans' IPersistentState: a write with a stale ETag fails.</summary>
public interface IPersistentState<TState> where TState : new()
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state if the stored ETag still equals <see cref="Etag"/>; throws <see cref="InconsistentStateException"/> otherwise.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
