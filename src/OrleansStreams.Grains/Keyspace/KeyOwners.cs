using OrleansStreams.GrainHost;
using OrleansStreams.Keys;

namespace OrleansStreams.Grains.Keyspace;

/// <summary>Finds the grain that owns a key of a given type, so type-agnostic commands (DEL, FLUSHALL, expiry) reach it.</summary>
public sealed class KeyOwners(IGrainFactory grains, IEnumerable<KeyOwner> owners)
{
    private readonly Dictionary<KeyType, Func<IGrainFactory, string, IGrainReference<IKeyGrain>>> _owners =
        owners.ToDictionary(o => o.Type, o => o.Resolve);

    public IGrainReference<IKeyGrain> Get(KeyType type, string key) =>
        _owners.TryGetValue(type, out var resolve)
            ? resolve(grains, key)
            : throw new InvalidOperationException($"No grain type owns keys of type {type}.");

    /// <summary>Deletes the key through its owner; false when it was already gone.</summary>
    public async ValueTask<bool> DeleteAsync(KeyType type, string key)
    {
        if (type == KeyType.None) return false;
        return await Get(type, key).InvokeAsync(static g => g.DeleteAsync()).ConfigureAwait(false);
    }
}

/// <summary>One key type's owner registration; each grain feature adds one to the service collection.</summary>
public sealed record KeyOwner(KeyType Type, Func<IGrainFactory, string, IGrainReference<IKeyGrain>> Resolve);
