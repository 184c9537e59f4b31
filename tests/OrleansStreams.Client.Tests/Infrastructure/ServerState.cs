using System.Text.RegularExpressions;

namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>Waits for server-side state the client cannot observe directly, such as a read being blocked.</summary>
public static partial class ServerState
{
    /// <summary>Waits until INFO clients reports at least <paramref name="count"/> blocked clients (up to 10 s).</summary>
    public static async Task WaitForBlockedClientsAsync(StreamsClient client, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var info = (await client.ExecuteAsync("INFO", "clients")).AsString() ?? "";
            var match = BlockedClients().Match(info);
            if (match.Success && int.Parse(match.Groups[1].Value) >= count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 10 s for {count} blocked clients; INFO says:\n{info}");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"blocked_clients:(\d+)")]
    private static partial Regex BlockedClients();
}
