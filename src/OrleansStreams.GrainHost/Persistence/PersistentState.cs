namespace OrleansStreams.GrainHost;

/// <summary>
/// A whole-state facet over <see cref="IGrainStorage"/>. Not loaded automatically: call
/// <see cref="ReadStateAsync"/> (normally in OnActivateAsync) before using <see cref="State"/>.
/// </summary>
public sealed class PersistentState<TState>(IGrainStorage storage, GrainId grainId, string stateName) : IPersistentState<TState>
    where TState : new()
{
    private readonly GrainStateHolder<TState> _holder = new();

    public TState State
    {
        get => _holder.State;
        set => _holder.State = value;
    }

    public string? Etag => _holder.ETag;

    public bool RecordExists => _holder.RecordExists;

    public Task ReadStateAsync(CancellationToken cancellationToken = default)
        => storage.ReadStateAsync(stateName, grainId, _holder, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default)
        => storage.WriteStateAsync(stateName, grainId, _holder, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default)
        => storage.ClearStateAsync(stateName, grainId, _holder, cancellationToken);
}
