using OrleansStreams.Client.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Durability;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Connections;

/// <summary>The silo as a real process that is killed and started again on the same port and data directory.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task AfterTheSiloIsKilledAndRestarted_TheClientReconnects_AndFindsTheData()
    {
        using var data = new TempDirectory();
        var port = FreePort.Next();
        string[] args = ["--port", port.ToString(), "--data-dir", data.Path];
        await using var client = new StreamsClient(new StreamsClientOptions { Port = port, CommandTimeout = TimeSpan.FromSeconds(60) });
        var silo = await SiloProcess.StartAsync(args);
        string id;
        Task<IReadOnlyList<StreamEntry>> blocked;
        try
        {
            id = (await client.XAddAsync("orders", ("item", "widget")))!;
            blocked = client.XReadAsync("never-written", "0-0", block: TimeSpan.Zero);
            Assert.Equal(1, await client.XLenAsync("orders"));
            await ServerState.WaitForBlockedClientsAsync(client);
        }
        finally
        {
            await silo.DisposeAsync();
        }

        // The read that was waiting on the server fails: it was sent, so the client cannot know whether it ran.
        var lost = await Assert.ThrowsAsync<StreamsConnectionException>(() => blocked);
        Assert.True(lost.CommandWasSent);

        // A call made while the silo is down waits, reconnecting with backoff, until the silo is back.
        var whileDown = client.XRangeAsync("orders");
        await using var restarted = await SiloProcess.StartAsync(args);
        var entry = Assert.Single(await whileDown);
        Assert.Equal(id, entry.Id);
        Assert.Equal("widget", entry["item"]);
        Assert.NotNull(await client.XAddAsync("orders", ("item", "gadget")));
        Assert.Equal(2, await client.XLenAsync("orders"));
    }
}
