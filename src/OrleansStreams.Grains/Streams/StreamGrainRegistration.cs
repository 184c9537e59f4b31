using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Streams;

public static class StreamGrainRegistration
{
    public static GrainHostBuilder AddStreamGrains(this GrainHostBuilder builder)
    {
        builder.Services.TryAddSingleton<StreamSettings>();
        builder.Services.AddSingleton(new KeyOwner(KeyType.Stream, static (grains, key) => grains.GetGrain<IStreamGrain>(key)));
        return builder.AddGrain<IStreamGrain, StreamGrain>("stream");
    }
}
