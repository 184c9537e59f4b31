using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.ConsumerGroups;
using OrleansStreams.Grains.Keyspace;
using KeyDirectory = OrleansStreams.Grains.Keyspace.Keyspace;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>
/// A grain runtime with the consumer-group grain over in-memory streams, on a manual clock. A second host built from
/// <see cref="Restart"/> shares the streams, keyspace, clock and journals, as a restarted silo finds them.
/// </summary>
public sealed class GroupTestHost : IAsyncDisposable
{
    public static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(1);

    public GroupTestHost()
        : this(new ManualTimeProvider(), new KeyDirectory(), null, new MemoryJournalStorage())
    {
    }

    private GroupTestHost(ManualTimeProvider clock, KeyDirectory keyspace, FakeStreams? streams, IJournalStorage journals)
    {
        Clock = clock;
        Keyspace = keyspace;
        Streams = streams ?? new FakeStreams(Keyspace);
        Journals = journals;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Keyspace);
        services.AddSingleton<KeyNotifications>();
        services.AddSingleton(journals);
        services.AddSingleton<IStreamViewProvider>(Streams);
        // Reminders fire when a test says so (FireDueRemindersAsync), not whenever the clock passes a quantum.
        services.Configure<ReminderOptions>(options => options.Quantum = TimeSpan.FromDays(365));
        services.AddGrainHost(options => options.CollectionAge = CollectionAge).AddConsumerGroupGrains();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Runtime = Services.GetRequiredService<GrainRuntime>();
    }

    public ManualTimeProvider Clock { get; }

    public KeyDirectory Keyspace { get; }

    public IJournalStorage Journals { get; }

    public GrainReminderService Reminders => Services.GetRequiredService<GrainReminderService>();

    public KeyNotifications Notifications => Services.GetRequiredService<KeyNotifications>();

    /// <summary>A new runtime over the same streams, journals and clock (call after disposing this one).</summary>
    public GroupTestHost Restart() => new(Clock, Keyspace, Streams, Journals);

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
