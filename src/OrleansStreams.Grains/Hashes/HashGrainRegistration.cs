using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;
using OrleansStreams.Hashes;

namespace OrleansStreams.Grains.Hashes;

public static class HashGrainRegistration
{
    public static GrainHostBuilder AddHashGrains(this GrainHostBuilder builder)
    {
        builder.Services.AddSingleton(new KeyOwner(KeyType.Hash, static (grains, key) => grains.GetGrain<IHashGrain>(key)));
        return builder.AddGrain<IHashGrain, HashGrain>("hash");
    }
}
