using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Grains.Strings;

public static class StringGrainRegistration
{
    public static GrainHostBuilder AddStringGrains(this GrainHostBuilder builder)
    {
        builder.Services.AddSingleton(new KeyOwner(KeyType.String, static (grains, key) => grains.GetGrain<IStringGrain>(key)));
        return builder.AddGrain<IStringGrain, StringGrain>("string");
    }
}
