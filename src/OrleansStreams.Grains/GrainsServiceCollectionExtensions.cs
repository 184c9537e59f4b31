using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansStreams.Grains.Diagnostics;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.ConsumerGroups;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Grains.Hashes;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Grains.Streams;
using OrleansStreams.Grains.Strings;

namespace OrleansStreams.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>The grain host with every grain type of OrleansStreams, and the keyspace they share.</summary>
    public static IServiceCollection AddOrleansStreamsGrains(this IServiceCollection services, Action<GrainHostOptions>? configure = null)
    {
        services.AddSingleton<Keyspace.Keyspace>();
        services.AddSingleton<KeyNotifications>();
        services.AddSingleton<KeyOwners>();
        services.TryAddSingleton<GroupGauges>();
        services.TryAddSingleton(sp => new EntryInstruments(sp.GetRequiredService<GroupGauges>(), sp.GetService<IMeterFactory>()));
        var grains = services.AddGrainHost(configure);
        grains.AddStreamGrains();
        grains.AddConsumerGroupGrains();
        grains.AddStringGrains();
        grains.AddHashGrains();
        grains.AddExpiry();
        return services;
    }
}
