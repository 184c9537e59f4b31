namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>Waits for a condition on server state that no event signals, checking it every 20 ms up to a limit.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {Limit.TotalSeconds} s for {what}.");
            await Task.Delay(20);
        }
    }
}
