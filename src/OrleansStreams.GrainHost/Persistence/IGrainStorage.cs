namespace OrleansStreams.GrainHost;

/// <summary>The holder a storage provider reads into and writes from.</summary>
public sealed class GrainStateHolder<TState> where TState : new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}

/// <summary>Whole-state storage contract; every write and clear is conditional on the holder's ETag.</summary>
public interface IGrainStorage
{
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, GrainStateHolder<TState> holder, CancellationToken cancellationToken) where TState : new();

    Task WriteStateAsync<TState>(string stateName, GrainId grainId, GrainStateHolder<TState> holder, CancellationToken cancellationToken) where TState : new();

    Task ClearStateAsync<TState>(string stateName, GrainId grainId, GrainStateHolder<TState> holder, CancellationToken cancellationToken) where TState : new();
}
