using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Keyspace;

namespace OrleansStreams.Grains.Tests.Infrastructure;

/// <summary>
/// The OrleansStreams grains on a grain runtime with a manual clock. Two hosts may share one journal storage, as
/// a restarted silo reads what the previous process wrote.
/// </summary>
public sealed class GrainsHost : IAsyncDisposable
{
    public GrainsHost(IJournalStorage? journalStorage = null, ManualClock? clock = null)
    {
        Clock = clock ?? new ManualClock();
        JournalStorage = journalStorage ?? new MemoryJournalStorage();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(JournalStorage);
        services.AddOrleansStreamsGrains();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Runtime = Services.GetRequiredService<GrainRuntime>();
        Factory = Services.GetRequiredService<IGrainFactory>();
        Keyspace = Services.GetRequiredService<Keyspace.Keyspace>();
        Notifications = Services.GetRequiredService<KeyNotifications>();
    }

    public ManualClock Clock { get; }

    public IJournalStorage JournalStorage { get; }

    public ServiceProvider Services { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory Factory { get; }

    public Keyspace.Keyspace Keyspace { get; }

    public KeyNotifications Notifications { get; }

    public IGrainReference<T> Grain<T>(string key) where T : IGrainWithStringKey => Factory.GetGrain<T>(key);

    /// <summary>Deactivates every activation by idle collection; the next call activates afresh and replays the journal.</summary>
    public async Task CollectAllAsync()
    {
        Clock.Advance(TimeSpan.FromHours(1));
        await Runtime.CollectIdleActivationsAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Runtime.ActivationCount);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DeactivateAllAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Services.DisposeAsync();
    }
}
