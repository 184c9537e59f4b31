namespace OrleansStreams.Storage.Tests;

internal static class StatisticsExtensions
{
    /// <summary>Waits, change by change, until the counters satisfy <paramref name="condition"/>.</summary>
    public static async Task WaitUntilAsync(this JournalCommitStatistics statistics, Func<JournalCommitStatistics, bool> condition, string what)
    {
        while (true)
        {
            var next = statistics.NextChange;
            if (condition(statistics))
            {
                return;
            }

            try
            {
                await next.WaitAsync(TestTimeouts.Default);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
        }
    }
}
