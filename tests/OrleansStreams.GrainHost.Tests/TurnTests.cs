namespace OrleansStreams.GrainHost.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task RequestsOnOneActivation_NeverRunConcurrently()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");

        var calls = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => grain.InvokeAsync(g => g.IncrementWithAwaitsAsync()).AsTask()))
            .ToArray();
        var sawConcurrency = await Task.WhenAll(calls).WaitAsync(TestTimeouts.Default);

        Assert.DoesNotContain(true, sawConcurrency);
        Assert.Equal(200, await grain.InvokeAsync(g => g.GetCountAsync()));
    }

    [Fact]
    public async Task ManyCallersOnManyGrains_RunEachRequestExactlyOnceWithoutOverlap()
    {
        await using var host = new TestHost();
        const int Grains = 8, Callers = 8, CallsPerCaller = 200;

        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var overlap = false;
            for (var i = 0; i < CallsPerCaller; i++)
            {
                var grain = host.Grain<ITestGrain>($"g{(caller + i) % Grains}");
                // Mix synchronous and asynchronous requests so both paths contend.
                if (i % 2 == 0)
                {
                    overlap |= await grain.InvokeAsync(g => g.IncrementWithAwaitsAsync());
                }
                else
                {
                    Assert.Equal(i, await grain.InvokeAsync(g => g.EchoAsync(i)));
                }
            }

            return overlap;
        })).ToArray();
        var overlaps = await Task.WhenAll(callers).WaitAsync(TestTimeouts.Default);

        Assert.DoesNotContain(true, overlaps);
        var total = 0;
        for (var g = 0; g < Grains; g++)
        {
            total += await host.Grain<ITestGrain>($"g{g}").InvokeAsync(x => x.GetCountAsync());
        }

        Assert.Equal(Callers * CallsPerCaller / 2, total);
        Assert.Equal(Grains, host.Probe.Constructions);
    }

    [Fact]
    public async Task QueuedRequests_RunInArrivalOrder()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await host.Probe.WhenSignalled("entered:first");

        var queued = Enumerable.Range(1, 50).Select(i => grain.InvokeAsync(g => g.RecordAsync(i)).AsTask()).ToArray();
        Assert.All(queued, t => Assert.False(t.IsCompleted));
        host.Probe.Signal("release:first");
        await Task.WhenAll(queued).WaitAsync(TestTimeouts.Default);

        Assert.Equal("first", await holding);
        Assert.Equal(Enumerable.Range(1, 50), await grain.InvokeAsync(g => g.GetRecordedAsync()));
    }

    [Fact]
    public async Task TurnLastsUntilTheRequestsTaskCompletes()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await host.Probe.WhenSignalled("entered:first");

        var next = grain.InvokeAsync(g => g.RecordAsync(1)).AsTask();
        await Task.Yield();
        Assert.False(next.IsCompleted);

        host.Probe.Signal("release:first");
        await next.WaitAsync(TestTimeouts.Default);
        Assert.Equal("first", await holding.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task CancellingAQueuedRequest_RemovesItWithoutRunningIt()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await host.Probe.WhenSignalled("entered:first");
        using var cancellation = new CancellationTokenSource();

        var cancelled = grain.InvokeAsync(g => g.RecordAsync(1), cancellation.Token).AsTask();
        var kept = grain.InvokeAsync(g => g.RecordAsync(2)).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TestTimeouts.Default));
        Assert.False(kept.IsCompleted);
        host.Probe.Signal("release:first");
        await kept.WaitAsync(TestTimeouts.Default);
        Assert.Equal(new[] { 2 }, await grain.InvokeAsync(g => g.GetRecordedAsync()));
    }

    [Fact]
    public async Task AlreadyCancelledToken_FailsTheCallWithoutRunningIt()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.InvokeAsync(g => g.RecordAsync(1), new CancellationToken(true)).AsTask());

        Assert.Empty(await grain.InvokeAsync(g => g.GetRecordedAsync()));
    }

    [Fact]
    public async Task RequestException_ReachesTheCallerAndTheActivationSurvives()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(g => g.RecordAsync(1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.InvokeAsync(g => g.ThrowAsync(new ArgumentException("bad"))).AsTask());
        Assert.Equal("bad", error.Message);
        var thrownSynchronously = await Assert.ThrowsAsync<FormatException>(() => grain.InvokeAsync<int>(_ => throw new FormatException()).AsTask());
        Assert.NotNull(thrownSynchronously);

        Assert.Equal(new[] { 1 }, await grain.InvokeAsync(g => g.GetRecordedAsync()));
        Assert.Equal(1, host.Probe.Constructions);
        Assert.Empty(host.Probe.Deactivations);
    }

    [Fact]
    public async Task InconsistentStateException_DeactivatesTheActivationAfterItsTurn()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(g => g.RecordAsync(1));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => grain.InvokeAsync(g => g.ThrowAsync(new InconsistentStateException("stale", "2", "1"))).AsTask());
        await host.Probe.WhenSignalled("deactivated:a");

        Assert.Equal((new GrainId("test", "a"), DeactivationReason.InconsistentState), Assert.Single(host.Probe.Deactivations));
        Assert.Empty(await grain.InvokeAsync(g => g.GetRecordedAsync()));
        Assert.Equal(2, host.Probe.Constructions);
    }

    [Fact]
    public async Task RequestsQueuedBehindAnInconsistentStateFailure_RunOnTheNextActivation()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(g => g.RecordAsync(1));
        var holding = grain.InvokeAsync(async g =>
        {
            await g.HoldAsync("first");
            await g.ThrowAsync(new InconsistentStateException("stale", "2", "1"));
        }).AsTask();
        await host.Probe.WhenSignalled("entered:first");
        var queued = grain.InvokeAsync(g => g.GetConstructionNumberAsync()).AsTask();

        host.Probe.Signal("release:first");

        await Assert.ThrowsAsync<InconsistentStateException>(() => holding.WaitAsync(TestTimeouts.Default));
        Assert.Equal(2, await queued.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task SynchronousGrainMethod_CompletesOnTheCallersThreadWithoutAllocating()
    {
        await using var host = new TestHost(useSystemClock: true);
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(static g => g.EchoAsync(0));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(grain.InvokeAsync(static g => g.EchoAsync(1)).IsCompletedSuccessfully);
        }

        // The first run also allocates the helper's cached lambda.
        CallSynchronouslyAndMeasure(grain, 10);
        var (sum, allocated) = CallSynchronouslyAndMeasure(grain, 1000);

        Assert.Equal(1000, sum);
        Assert.Equal(0, allocated);
    }

    private static (int Sum, long Allocated) CallSynchronouslyAndMeasure(IGrainReference<ITestGrain> grain, int calls)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < calls; i++)
        {
            var call = grain.InvokeAsync(static g => g.EchoAsync(1));
            if (!call.IsCompletedSuccessfully)
            {
                return (-1, -1);
            }

            sum += call.Result;
        }

        return (sum, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task VoidRequest_CompletesSynchronouslyToo()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITestGrain>("a");
        await grain.InvokeAsync(static g => g.EchoAsync(0));

        var call = grain.InvokeAsync(g => g.RecordAsync(5));

        Assert.True(call.IsCompletedSuccessfully);
        Assert.Equal(new[] { 5 }, await grain.InvokeAsync(g => g.GetRecordedAsync()));
    }
}
