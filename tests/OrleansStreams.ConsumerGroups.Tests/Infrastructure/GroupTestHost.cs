using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.ConsumerGroups;
using KeyDirectory = OrleansStreams.Grains.Keyspace.Keyspace;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>A grain runtime with the consumer-group grain over in-memory streams, on a manual clock.</summary>
public sealed class GroupTestHost : IAsyncDisposable
{
    private static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(1);

    public GroupTestHost()
    {
        Streams = new FakeStreams(Keyspace);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Keyspace);
        services.AddSingleton<IStreamViewProvider>(Streams);
        services.AddGrainHost(options => options.CollectionAge = CollectionAge).AddConsumerGroupGrains();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Runtime = Services.GetRequiredService<GrainRuntime>();
    }

    public ManualTimeProvider Clock { get; } = new();

    public KeyDirectory Keyspace { get; } = new();

    public FakeStreams Streams { get; }

    public ServiceProvider Services { get; }

    public GrainRuntime Runtime { get; }

    public FakeStream Stream(string key) => Streams[key];

    public GroupClient Group(string stream, string group)
        => new(Services.GetRequiredService<IGrainFactory>().GetGrain<IConsumerGroupGrain>(ConsumerGroupKey.Create(stream, group)));

    /// <summary>Lets every activation go idle and collects it, so the next call activates from the journal.</summary>
    public async Task DeactivateAllAsync()
    {
        Clock.Advance(CollectionAge);
        await Runtime.CollectIdleActivationsAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Runtime.ActivationCount);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DeactivateAllAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Services.DisposeAsync();
    }
}
