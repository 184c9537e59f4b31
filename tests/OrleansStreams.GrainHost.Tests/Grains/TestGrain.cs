namespace OrleansStreams.GrainHost.Tests;

public sealed class TestGrain : Grain, ITestGrain
{
    private readonly Probe _probe;
    private readonly int _constructionNumber;
    private readonly List<int> _recorded = [];
    private bool _activated;
    private int _inside;
    private int _count;
    private bool _sawConcurrency;

    // Taking a dependency proves grains are built with ActivatorUtilities.
    public TestGrain(Probe probe)
    {
        _probe = probe;
        _constructionNumber = probe.NextConstruction();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_probe.ActivationGate is { } gate)
        {
            await gate;
        }

        _probe.OnActivated();
        _activated = true;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.OnDeactivated(GrainId, reason);
        return Task.CompletedTask;
    }

    public ValueTask<int> GetConstructionNumberAsync() => new(_constructionNumber);

    public ValueTask<bool> WasActivatedAsync() => new(_activated);

    public ValueTask<int> EchoAsync(int value) => new(value);

    public async ValueTask<bool> IncrementWithAwaitsAsync()
    {
        if (Interlocked.Increment(ref _inside) != 1)
        {
            _sawConcurrency = true;
        }

        var read = _count;
        await Task.Yield();
        await Task.Delay(1);
        _count = read + 1;
        Interlocked.Decrement(ref _inside);
        return _sawConcurrency;
    }

    public ValueTask<int> GetCountAsync() => new(_count);

    public async ValueTask<string> HoldAsync(string gate)
    {
        _probe.Signal($"entered:{gate}");
        await _probe.WhenSignalled($"release:{gate}");
        return gate;
    }

    public ValueTask RecordAsync(int value)
    {
        _recorded.Add(value);
        return default;
    }

    public ValueTask<int[]> GetRecordedAsync() => new([.. _recorded]);

    public ValueTask ThrowAsync(Exception exception) => ValueTask.FromException(exception);

    public ValueTask DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return default;
    }

    public ValueTask DelayDeactivationAsync(TimeSpan timeSpan)
    {
        DelayDeactivation(timeSpan);
        return default;
    }

    public async ValueTask<int> CallOtherAsync(string key, int value)
    {
        var other = GrainFactory.GetGrain<ITestGrain>(key);
        await Task.Yield();
        return await other.InvokeAsync(g => g.EchoAsync(value)) + await other.InvokeAsync(g => g.GetCountAsync());
    }
}
