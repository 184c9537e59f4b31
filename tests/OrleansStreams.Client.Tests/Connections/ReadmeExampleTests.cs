using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Connections;

/// <summary>The README's client example, run as written (with unique keys), so the documentation keeps compiling and working.</summary>
[Collection(SiloCollection.Name)]
public sealed class ReadmeExampleTests(SiloFixture fixture)
{
    [Fact]
    public async Task TheReadmeExample_Works()
    {
        var orders = TestKeys.New("orders");
        await using var client = await StreamsClient.ConnectAsync(new StreamsClientOptions { Host = "127.0.0.1", Port = fixture.Port });

        var id = await client.XAddAsync(orders, ("item", "widget"), ("qty", "5"));
        var listed = new List<string>();
        foreach (var entry in await client.XRangeAsync(orders, "-", "+", count: 10)) listed.Add($"{entry.Id} item={entry["item"]}");

        await client.XGroupCreateAsync(orders, "billing", "0", mkStream: true);
        var batch = await client.XReadGroupAsync("billing", "worker-1", orders, ">", count: 10, block: TimeSpan.FromSeconds(5));
        var acked = await client.XAckAsync(orders, "billing", batch.Select(e => e.Id).ToList());
        var raw = await client.ExecuteAsync("XINFO", "STREAM", orders);

        Assert.Equal([$"{id} item=widget"], listed);
        Assert.Equal(1, acked);
        Assert.False(raw.IsError);
    }
}
