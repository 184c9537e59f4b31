using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansStreams.ConsumerGroups;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Grains.ConsumerGroups;

public static class ConsumerGroupGrainRegistration
{
    /// <summary>
    /// The consumer-group grain, reading its streams through the stream grains unless another
    /// <see cref="IStreamViewProvider"/> was registered first. Needs the shared Keyspace.
    /// </summary>
    public static GrainHostBuilder AddConsumerGroupGrains(this GrainHostBuilder builder)
    {
        builder.Services.TryAddSingleton<IStreamViewProvider, StreamGrainViewProvider>();
        return builder.AddGrain<IConsumerGroupGrain, ConsumerGroupGrain>(ConsumerGroupGrain.GrainType);
    }
}
