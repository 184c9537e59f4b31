namespace OrleansStreams.Client.Tests.Connections;

public sealed class ReconnectBackoffTests
{
    private static readonly StreamsClientOptions Options = new()
    {
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void EachFailure_DoublesTheWait_WithinTwentyPercentJitter_UpToTheMaximum()
    {
        var backoff = new ReconnectBackoff(Options);
        double[] nominal = [100, 200, 400, 800, 1000, 1000];
        foreach (var expected in nominal)
        {
            backoff.Failed(new IOException("refused"));
            var actual = backoff.CurrentDelay.TotalMilliseconds;
            Assert.InRange(actual, expected * 0.8, expected * 1.2);
        }
    }

    [Fact]
    public async Task ASuccess_ResetsTheWait_SoTheNextFailureStartsFromTheMinimum()
    {
        var backoff = new ReconnectBackoff(Options);
        for (var i = 0; i < 5; i++) backoff.Failed(new IOException("refused"));
        backoff.Succeeded();
        Assert.Equal(TimeSpan.Zero, backoff.CurrentDelay);
        Assert.Null(backoff.LastError);
        // Nothing to wait for right after a success.
        Assert.True(backoff.WaitAsync(CancellationToken.None).IsCompleted);
        await backoff.WaitAsync(CancellationToken.None);

        backoff.Failed(new IOException("refused again"));
        Assert.InRange(backoff.CurrentDelay.TotalMilliseconds, 80, 120);
        Assert.Equal("refused again", backoff.LastError?.Message);
    }
}
