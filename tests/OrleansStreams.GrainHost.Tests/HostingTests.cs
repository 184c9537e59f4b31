using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrleansStreams.GrainHost.Tests;

public sealed class HostingTests
{
    private static (IHost Host, FakeTimeProvider Clock, Probe Probe) BuildHost(Action<GrainHostOptions>? configure = null)
    {
        var clock = new FakeTimeProvider();
        var probe = new Probe();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(probe);
        TestHost.AddTestGrains(builder.Services.AddGrainHost(configure));
        return (builder.Build(), clock, probe);
    }

    [Fact]
    public async Task AddGrainHost_RegistersFactoryRuntimeClockMemoryStorageAndReminders()
    {
        var services = new ServiceCollection();
        services.AddGrainHost();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<GrainRuntime>().GrainFactory, provider.GetRequiredService<IGrainFactory>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<MemoryJournalStorage>(provider.GetRequiredService<IJournalStorage>());
        Assert.IsType<MemoryGrainStorage>(provider.GetRequiredService<IGrainStorage>());
        Assert.Equal(2, provider.GetServices<IHostedService>().Count());
        Assert.Contains(provider.GetRequiredService<GrainReminderService>(), provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<GrainReminderService>(), provider.GetRequiredService<IReminderRegistry>());
    }

    [Fact]
    public async Task StorageRegisteredBeforehand_IsKept()
    {
        var services = new ServiceCollection();
        var journals = new MemoryJournalStorage();
        services.AddSingleton<IJournalStorage>(journals);
        services.AddGrainHost();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(journals, provider.GetRequiredService<IJournalStorage>());
    }

    [Fact]
    public async Task HostedCollector_SweepsEveryQuantumOnTheInjectedClock()
    {
        var (host, clock, probe) = BuildHost(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(5);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        using (host)
        {
            await host.StartAsync();
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            await factory.GetGrain<ITestGrain>("a").InvokeAsync(g => g.RecordAsync(1));

            clock.Advance(TimeSpan.FromMinutes(4));
            Assert.False(probe.IsSignalled("deactivated:a"));
            clock.Advance(TimeSpan.FromMinutes(1));
            await probe.WhenSignalled("deactivated:a");

            Assert.Equal(DeactivationReason.ActivationIdle, Assert.Single(probe.Deactivations).Reason);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task HostShutdown_FinishesQueuedRequestsThenDeactivatesEveryActivation()
    {
        var (host, _, probe) = BuildHost();
        using (host)
        {
            await host.StartAsync();
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            var grain = factory.GetGrain<ITestGrain>("a");
            await factory.GetGrain<ITestGrain>("b").InvokeAsync(g => g.RecordAsync(1));
            var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
            await probe.WhenSignalled("entered:first");
            var queued = grain.InvokeAsync(g => g.RecordAsync(2)).AsTask();

            var stopping = host.StopAsync();
            probe.Signal("release:first");
            await stopping.WaitAsync(TestTimeouts.Default);

            await queued;
            Assert.Equal("first", await holding);
            Assert.Equal(2, probe.Deactivations.Count);
            Assert.All(probe.Deactivations, d => Assert.Equal(DeactivationReason.ShuttingDown, d.Reason));
            Assert.Equal(0, host.Services.GetRequiredService<GrainRuntime>().ActivationCount);
            await Assert.ThrowsAsync<InvalidOperationException>(() => factory.GetGrain<ITestGrain>("c").InvokeAsync(g => g.EchoAsync(1)).AsTask());
        }
    }
}
