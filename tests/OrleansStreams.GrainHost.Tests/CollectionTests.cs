namespace OrleansStreams.GrainHost.Tests;

public sealed class CollectionTests
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task IdleActivation_IsCollectedOnceOlderThanCollectionAge()
    {
        await using var host = new TestHost(o => o.CollectionAge = Age);
        await host.Grain<ITestGrain>("a").InvokeAsync(g => g.RecordAsync(1));

        host.Clock.Advance(Age - TimeSpan.FromSeconds(1));
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(1, host.Runtime.ActivationCount);
        Assert.Empty(host.Probe.Deactivations);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(0, host.Runtime.ActivationCount);
        Assert.Equal(DeactivationReason.ActivationIdle, Assert.Single(host.Probe.Deactivations).Reason);
    }

    [Fact]
    public async Task RecentActivity_PostponesCollection()
    {
        await using var host = new TestHost(o => o.CollectionAge = Age);
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(g => g.RecordAsync(1));

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await grain.InvokeAsync(g => g.RecordAsync(2));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);

        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task ActivationWithARunningOrQueuedRequest_IsNotCollected()
    {
        await using var host = new TestHost(o => o.CollectionAge = Age);
        var grain = host.Grain<ITestGrain>("a");
        var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await host.Probe.WhenSignalled("entered:first");
        var queued = grain.InvokeAsync(g => g.RecordAsync(1)).AsTask();

        host.Clock.Advance(Age * 2);
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(1, host.Runtime.ActivationCount);

        host.Probe.Signal("release:first");
        await Task.WhenAll(holding, queued).WaitAsync(TestTimeouts.Default);
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(1, host.Runtime.ActivationCount);
        Assert.Empty(host.Probe.Deactivations);
    }

    [Fact]
    public async Task DelayDeactivation_KeepsTheActivationPastCollectionAge()
    {
        await using var host = new TestHost(o => o.CollectionAge = Age);
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(g => g.DelayDeactivationAsync(TimeSpan.FromMinutes(30)));

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(1, host.Runtime.ActivationCount);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(0, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task DeactivateOnIdle_DeactivatesAfterTheCurrentTurn()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(g => g.RecordAsync(1));

        await grain.InvokeAsync(g => g.DeactivateOnIdleAsync());
        await host.Probe.WhenSignalled("deactivated:a");

        Assert.Equal(DeactivationReason.ApplicationRequested, Assert.Single(host.Probe.Deactivations).Reason);
        Assert.Empty(await grain.InvokeAsync(g => g.GetRecordedAsync()));
        Assert.Equal(2, host.Probe.Constructions);
    }

    [Fact]
    public async Task CallAfterCollection_ReactivatesWithStateFromTheJournal()
    {
        await using var host = new TestHost(o => o.CollectionAge = Age);
        var counter = host.Grain<IJournaledCounterGrain>("c");
        await counter.InvokeAsync(g => g.AddAsync(5));
        await counter.InvokeAsync(g => g.SnapshotAsync());
        await counter.InvokeAsync(g => g.AddAsync(7));

        host.Clock.Advance(Age);
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(0, host.Runtime.ActivationCount);

        Assert.Equal(12, await counter.InvokeAsync(g => g.GetAsync()));
        Assert.Equal(2, host.Probe.Activations);
    }

    [Fact]
    public async Task CallAfterCollection_ReactivatesWithPersistentState()
    {
        await using var host = new TestHost(o => o.CollectionAge = Age);
        var counter = host.Grain<IStateCounterGrain>("c");
        await counter.InvokeAsync(g => g.AddAsync(3));
        await counter.InvokeAsync(g => g.AddAsync(4));

        host.Clock.Advance(Age);
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);
        Assert.Equal(0, host.Runtime.ActivationCount);

        Assert.Equal(7, await counter.InvokeAsync(g => g.GetAsync()));
        Assert.Equal(10, await counter.InvokeAsync(g => g.AddAsync(3)));
        Assert.Equal(2, host.Probe.Activations);
    }

    [Fact]
    public async Task RequestArrivingDuringDeactivation_RunsOnAFreshActivation()
    {
        await using var host = new TestHost(o => o.CollectionAge = Age);
        var counter = host.Grain<IJournaledCounterGrain>("c");
        await counter.InvokeAsync(g => g.AddAsync(5));
        host.Clock.Advance(Age);

        var collection = host.Runtime.CollectIdleActivationsAsync();
        var afterwards = counter.InvokeAsync(g => g.AddAsync(1)).AsTask();
        await collection.WaitAsync(TestTimeouts.Default);

        Assert.Equal(6, await afterwards.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task RequestArrivingDuringShutdown_FailsInsteadOfDelayingIt()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await host.Probe.WhenSignalled("entered:first");
        var queued = grain.InvokeAsync(g => g.RecordAsync(1)).AsTask();

        var shutdown = host.Runtime.DeactivateAllAsync();
        var late = grain.InvokeAsync(g => g.RecordAsync(2)).AsTask();
        host.Probe.Signal("release:first");
        await shutdown.WaitAsync(TestTimeouts.Default);

        await queued;
        await Assert.ThrowsAsync<InvalidOperationException>(() => late.WaitAsync(TestTimeouts.Default));
        Assert.Equal(DeactivationReason.ShuttingDown, Assert.Single(host.Probe.Deactivations).Reason);
    }
}
