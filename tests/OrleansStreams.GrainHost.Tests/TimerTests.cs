using Microsoft.Extensions.Logging;

namespace OrleansStreams.GrainHost.Tests;

public sealed class TimerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static GrainTimerCreationOptions EverySecond(bool interleave = false, bool keepAlive = false)
        => new(Second, Second) { Interleave = interleave, KeepAlive = keepAlive };

    [Fact]
    public async Task TimerTick_RunsAsATurnQueuedBehindTheRunningRequest()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.StartTimerAsync(EverySecond()));
        var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await host.Probe.WhenSignalled("entered:first");

        host.Clock.Advance(Second);
        Assert.False(host.Probe.IsSignalled("tick:t:1"));

        host.Probe.Signal("release:first");
        await host.Probe.WhenSignalled("tick-done:t:1");
        await holding;
        Assert.Equal(1, await grain.InvokeAsync(g => g.GetTicksAsync()));
        Assert.False(await grain.InvokeAsync(g => g.SawOverlapAsync()));
    }

    [Fact]
    public async Task TimerTicks_NeverOverlapAndTheNextIsDueAPeriodAfterTheLastCompletes()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.GateTickAsync(1));
        await grain.InvokeAsync(g => g.StartTimerAsync(EverySecond()));

        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick:t:1");
        host.Clock.Advance(Second * 10);
        Assert.False(host.Probe.IsSignalled("tick:t:2"));

        host.Probe.Signal("release-tick:t:1");
        // A request queues behind the tick's turn, so once it answers the timer has been re-armed.
        Assert.Equal(1, await grain.InvokeAsync(g => g.GetTicksAsync()));
        host.Clock.Advance(Second - TimeSpan.FromMilliseconds(1));
        Assert.False(host.Probe.IsSignalled("tick:t:2"));
        host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await host.Probe.WhenSignalled("tick-done:t:2");

        Assert.Equal(2, await grain.InvokeAsync(g => g.GetTicksAsync()));
        Assert.False(await grain.InvokeAsync(g => g.SawOverlapAsync()));
    }

    [Fact]
    public async Task FailingTick_IsLoggedAndTheTimerKeepsGoing()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.FailTickAsync(1));
        await grain.InvokeAsync(g => g.StartTimerAsync(EverySecond()));

        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick-done:t:1");
        Assert.Equal(1, await grain.InvokeAsync(g => g.GetTicksAsync()));
        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick-done:t:2");

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "Tick 1 failed on purpose.");
        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Timers_StopAndCancelTheirTokenAtDeactivation()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.StartTimerAsync(EverySecond()));
        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick-done:t:1");
        var token = host.Probe.LastTickToken;
        Assert.Equal(1, await grain.InvokeAsync(g => g.GetTicksAsync()));

        await grain.InvokeAsync(g => g.DeactivateOnIdleAsync());
        await host.Probe.WhenSignalled("deactivated:t");

        Assert.True(token.IsCancellationRequested);
        Assert.Equal(0, host.Clock.ScheduledTimerCount);
        host.Clock.Advance(Second * 10);
        Assert.False(host.Probe.IsSignalled("tick:t:2"));
    }

    [Fact]
    public async Task DisposedTimer_StopsTicking()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.StartTimerAsync(EverySecond()));
        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick-done:t:1");

        await grain.InvokeAsync(g => g.DisposeTimerAsync());
        host.Clock.Advance(Second * 10);

        Assert.Equal(1, await grain.InvokeAsync(g => g.GetTicksAsync()));
        Assert.Equal(0, host.Clock.ScheduledTimerCount);
    }

    [Fact]
    public async Task ChangeDuringATick_AppliesAfterTheTick()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.GateTickAsync(1));
        await grain.InvokeAsync(g => g.StartTimerAsync(EverySecond(interleave: true)));
        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick:t:1");

        await grain.InvokeAsync(g => g.ChangeTimerAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        host.Probe.Signal("release-tick:t:1");
        await host.Probe.WhenSignalled("tick-done:t:1");
        await host.Clock.WhenScheduledTimerCountIs(1);

        host.Clock.Advance(Second * 59);
        Assert.False(host.Probe.IsSignalled("tick:t:2"));
        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick-done:t:2");
    }

    [Fact]
    public async Task InterleavingTick_RunsWhileARequestAwaits()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.StartTimerAsync(EverySecond(interleave: true)));
        var holding = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await host.Probe.WhenSignalled("entered:first");

        host.Clock.Advance(Second);
        await host.Probe.WhenSignalled("tick-done:t:1");

        Assert.False(holding.IsCompleted);
        host.Probe.Signal("release:first");
        await holding.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public async Task TicksWithoutKeepAlive_DoNotPreventCollection()
    {
        await using var host = new TestHost(o => o.CollectionAge = TimeSpan.FromMinutes(5));
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.StartTimerAsync(new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1))));

        await AdvanceMinutesWithTicksAsync(host, grain, 5);
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);

        Assert.Equal(0, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task TicksWithKeepAlive_PreventCollection()
    {
        await using var host = new TestHost(o => o.CollectionAge = TimeSpan.FromMinutes(5));
        var grain = host.Grain<ITimerGrain>("t");
        await grain.InvokeAsync(g => g.StartTimerAsync(new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true }));

        await AdvanceMinutesWithTicksAsync(host, grain, 5);
        await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TestTimeouts.Default);

        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    private static async Task AdvanceMinutesWithTicksAsync(TestHost host, IGrainReference<ITimerGrain> grain, int minutes)
    {
        // Grain calls count as activity, so wait for each tick through the probe rather than by calling the grain.
        for (var minute = 1; minute <= minutes; minute++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.Probe.WhenSignalled($"tick-done:{grain.GrainId.Key}:{minute}");
            await host.Clock.WhenScheduledTimerCountIs(1);
        }
    }
}
