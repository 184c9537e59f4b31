using OrleansStreams.GrainHost;

namespace OrleansStreams.Keys;

/// <summary>What every grain that owns a Redis key can do, whatever its type.</summary>
public interface IKeyGrain : IGrainWithStringKey
{
    /// <summary>Removes the key and everything under it; false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync();
}
