namespace OrleansStreams.GrainHost.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task FirstCall_ActivatesGrainBeforeTheRequestRuns()
    {
        await using var host = new TestHost();

        var activated = await host.Grain<ITestGrain>("a").InvokeAsync(g => g.WasActivatedAsync());

        Assert.True(activated);
        Assert.Equal(1, host.Probe.Activations);
        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task ConcurrentFirstCalls_CreateOneActivation()
    {
        await using var host = new TestHost();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Probe.ActivationGate = gate.Task;

        // Separate references and threads, all racing to activate the same id.
        var calls = Enumerable.Range(0, 64)
            .Select(_ => Task.Run(() => host.Grain<ITestGrain>("a").InvokeAsync(g => g.GetConstructionNumberAsync()).AsTask()))
            .ToArray();
        gate.SetResult();
        var numbers = await Task.WhenAll(calls).WaitAsync(TestTimeouts.Default);

        Assert.All(numbers, n => Assert.Equal(1, n));
        Assert.Equal(1, host.Probe.Constructions);
        Assert.Equal(1, host.Probe.Activations);
        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task DifferentKeys_GetDifferentActivations()
    {
        await using var host = new TestHost();

        var a = await host.Grain<ITestGrain>("a").InvokeAsync(g => g.GetConstructionNumberAsync());
        var b = await host.Grain<ITestGrain>("b").InvokeAsync(g => g.GetConstructionNumberAsync());
        var againA = await host.Grain<ITestGrain>("a").InvokeAsync(g => g.GetConstructionNumberAsync());

        Assert.NotEqual(a, b);
        Assert.Equal(a, againA);
        Assert.Equal(2, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task GrainReference_CarriesTypeAndKeyAsGrainId()
    {
        await using var host = new TestHost();

        var reference = host.Grain<ITestGrain>("some/key");

        Assert.Equal(new GrainId("test", "some/key"), reference.GrainId);
        Assert.Equal(0, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task FailedActivation_FailsTheRequestAndTheNextCallRetries()
    {
        await using var host = new TestHost();
        host.Probe.FailNextActivations(1);
        var grain = host.Grain<ITestGrain>("a");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.InvokeAsync(g => g.EchoAsync(1)).AsTask());
        Assert.Equal("Activation failed on purpose.", failure.Message);
        Assert.Equal(0, host.Runtime.ActivationCount);

        Assert.Equal(2, await grain.InvokeAsync(g => g.EchoAsync(2)));
        Assert.Equal(2, host.Probe.Constructions);
        Assert.Equal(1, host.Runtime.ActivationCount);
        Assert.Empty(host.Probe.Deactivations);
    }

    [Fact]
    public async Task RequestsQueuedBehindAFailedActivation_ShareItsFailure()
    {
        await using var host = new TestHost();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Probe.ActivationGate = gate.Task;
        host.Probe.FailNextActivations(1);
        var grain = host.Grain<ITestGrain>("a");

        var first = grain.InvokeAsync(g => g.EchoAsync(1)).AsTask();
        var second = grain.InvokeAsync(g => g.EchoAsync(2)).AsTask();
        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first.WaitAsync(TestTimeouts.Default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.WaitAsync(TestTimeouts.Default));
        Assert.Equal(3, await grain.InvokeAsync(g => g.EchoAsync(3)));
    }

    [Fact]
    public async Task UnregisteredInterface_FailsWhenAskedForAReference()
    {
        await using var host = new TestHost();

        Assert.Throws<InvalidOperationException>(() => host.Factory.GetGrain<IUnregisteredGrain>("a"));
    }

    [Fact]
    public async Task GrainCallingAnotherGrain_GetsItsResults()
    {
        await using var host = new TestHost();
        await host.Grain<ITestGrain>("b").InvokeAsync(g => g.IncrementWithAwaitsAsync());

        var result = await host.Grain<ITestGrain>("a").InvokeAsync(g => g.CallOtherAsync("b", 41));

        Assert.Equal(42, result);
    }

    [Fact]
    public async Task MaxActivations_RejectsActivationsBeyondTheLimit()
    {
        await using var host = new TestHost(o => o.MaxActivations = 2);
        await host.Grain<ITestGrain>("a").InvokeAsync(g => g.EchoAsync(1));
        await host.Grain<ITestGrain>("b").InvokeAsync(g => g.EchoAsync(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Grain<ITestGrain>("c").InvokeAsync(g => g.EchoAsync(1)).AsTask());
        Assert.Equal(1, await host.Grain<ITestGrain>("a").InvokeAsync(g => g.EchoAsync(1)));
    }
}
