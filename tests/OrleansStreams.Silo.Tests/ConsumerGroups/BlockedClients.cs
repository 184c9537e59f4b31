using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// Waits, through INFO clients, until a server counts the given number of blocked clients: a client counts as
/// blocked only after its first attempt found nothing, so the command has then been checked and parsed.
/// </summary>
internal static class BlockedClients
{
    public static async Task WaitAsync(RawRespClient client, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var info = await client.ExecuteAsync("INFO", "clients");
            if (info.Contains($"blocked_clients:{count}\r\n", StringComparison.Ordinal)) return;
            Assert.False(timeout.IsCancellationRequested, $"blocked_clients never reached {count}: {info}");
            await Task.Yield();
        }
    }
}
