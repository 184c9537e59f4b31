using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Connections;

public sealed class SmokeTests
{
    [Fact]
    public async Task XAdd_ThenXRange_ReturnsTheEntry()
    {
        await using var silo = await InProcessSilo.StartAsync();
        await using var client = await StreamsClient.ConnectAsync(new StreamsClientOptions { Port = silo.Port });
        var id = await client.XAddAsync("smoke", ("a", "1"), ("b", "2"));
        var entries = await client.XRangeAsync("smoke");
        var entry = Assert.Single(entries);
        Assert.Equal(id, entry.Id);
        Assert.Equal("1", entry["a"]);
        Assert.Equal("2", entry["b"]);
    }
}
