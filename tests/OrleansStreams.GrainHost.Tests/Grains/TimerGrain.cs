namespace OrleansStreams.GrainHost.Tests;

/// <summary>
/// Signals "tick:{key}:{n}" when tick n starts and "tick-done:{key}:{n}" when it ends, and hands the callback token
/// of the last tick to the probe so tests can see it cancelled.
/// </summary>
public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private readonly HashSet<int> _gatedTicks = [];
    private readonly HashSet<int> _failingTicks = [];
    private IGrainTimer? _timer;
    private int _inside;
    private int _ticks;
    private bool _sawOverlap;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.OnDeactivated(GrainId, reason);
        return Task.CompletedTask;
    }

    public ValueTask StartTimerAsync(GrainTimerCreationOptions options)
    {
        _timer = RegisterGrainTimer(static (self, token) => self.OnTickAsync(token), this, options);
        return default;
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        var tick = ++_ticks;
        Enter();
        probe.LastTickToken = cancellationToken;
        probe.Signal($"tick:{GrainId.Key}:{tick}");
        try
        {
            if (_gatedTicks.Contains(tick))
            {
                await probe.WhenSignalled($"release-tick:{GrainId.Key}:{tick}");
            }

            if (_failingTicks.Contains(tick))
            {
                throw new InvalidOperationException($"Tick {tick} failed on purpose.");
            }
        }
        finally
        {
            Exit();
            probe.Signal($"tick-done:{GrainId.Key}:{tick}");
        }
    }

    public ValueTask GateTickAsync(int tick)
    {
        _gatedTicks.Add(tick);
        return default;
    }

    public ValueTask FailTickAsync(int tick)
    {
        _failingTicks.Add(tick);
        return default;
    }

    public ValueTask<int> GetTicksAsync() => new(_ticks);

    public ValueTask<bool> SawOverlapAsync() => new(_sawOverlap);

    public async ValueTask<string> HoldAsync(string gate)
    {
        Enter();
        try
        {
            probe.Signal($"entered:{gate}");
            await probe.WhenSignalled($"release:{gate}");
            return gate;
        }
        finally
        {
            Exit();
        }
    }

    public ValueTask ChangeTimerAsync(TimeSpan dueTime, TimeSpan period)
    {
        _timer!.Change(dueTime, period);
        return default;
    }

    public ValueTask DisposeTimerAsync()
    {
        _timer!.Dispose();
        return default;
    }

    public ValueTask DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return default;
    }

    private void Enter()
    {
        if (Interlocked.Increment(ref _inside) != 1)
        {
            _sawOverlap = true;
        }
    }

    private void Exit() => Interlocked.Decrement(ref _inside);
}
