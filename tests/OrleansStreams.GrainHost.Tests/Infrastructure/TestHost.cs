using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.GrainHost.Tests;

/// <summary>A grain runtime on a fake clock with the test grains registered (no hosted service running).</summary>
public sealed class TestHost : IAsyncDisposable
{
    public TestHost(Action<GrainHostOptions>? configure = null, bool useSystemClock = false, IJournalStorage? journals = null, FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider();
        var services = new ServiceCollection();
        if (journals is not null)
        {
            services.AddSingleton(journals);
        }

        services.AddLogging(logging => logging.AddProvider(Logs));
        if (!useSystemClock)
        {
            services.AddSingleton<TimeProvider>(Clock);
        }

        services.AddSingleton(Probe);
        AddTestGrains(services.AddGrainHost(configure));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Runtime = Services.GetRequiredService<GrainRuntime>();
        Factory = Services.GetRequiredService<IGrainFactory>();
    }

    public FakeTimeProvider Clock { get; }

    public Probe Probe { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Services { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory Factory { get; }

    public IGrainReference<T> Grain<T>(string key) where T : IGrainWithStringKey => Factory.GetGrain<T>(key);

    public static GrainHostBuilder AddTestGrains(GrainHostBuilder builder)
        => builder
            .AddGrain<ITestGrain, TestGrain>("test")
            .AddGrain<IJournaledCounterGrain, JournaledCounterGrain>("journaled-counter")
            .AddGrain<IStateCounterGrain, StateCounterGrain>("state-counter")
            .AddGrain<ITimerGrain, TimerGrain>("timer")
            .AddGrain<IStreamGrain, StreamGrain>("stream")
            .AddGrain<IReminderGrain, ReminderGrain>("reminder");

    public async ValueTask DisposeAsync()
    {
        await Runtime.DeactivateAllAsync().WaitAsync(TestTimeouts.Default);
        await Services.DisposeAsync();
    }
}
