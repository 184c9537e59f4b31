namespace OrleansStreams.GrainHost.Tests;

public sealed class WaiterTests
{
    [Fact]
    public async Task WaiterAwaitedOutsideTheTurn_LetsOtherRequestsRunOnTheGrain()
    {
        await using var host = new TestHost();
        var stream = host.Grain<IStreamGrain>("s");

        var waiter = await stream.InvokeAsync(g => g.WaitForEntryAsync());
        var waiting = waiter.WaitAsync(TestTimeouts.Default);
        Assert.False(waiting.IsCompleted);

        // The append is a turn of its own and runs while the caller above is still waiting.
        var length = await stream.InvokeAsync(g => g.AppendAsync("entry-1")).AsTask().WaitAsync(TestTimeouts.Default);

        Assert.Equal(1, length);
        Assert.Equal("entry-1", await waiting);
    }

    [Fact]
    public async Task Waiters_AreServedFirstComeFirstServed()
    {
        await using var host = new TestHost();
        var stream = host.Grain<IStreamGrain>("s");
        var first = await stream.InvokeAsync(g => g.WaitForEntryAsync());
        var second = await stream.InvokeAsync(g => g.WaitForEntryAsync());

        await stream.InvokeAsync(g => g.AppendAsync("a"));
        await stream.InvokeAsync(g => g.AppendAsync("b"));

        Assert.Equal("a", await first.WaitAsync(TestTimeouts.Default));
        Assert.Equal("b", await second.WaitAsync(TestTimeouts.Default));
    }
}
