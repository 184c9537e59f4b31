using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Connections;

[Collection(SiloCollection.Name)]
public sealed class SiloConnectionTests(SiloFixture fixture)
{
    [Fact]
    public async Task ThousandsOfConcurrentCalls_OverOnePipelinedConnection_AllGetTheirOwnReplies()
    {
        await using var client = new StreamsClient(fixture.Options with { PoolSize = 1 });
        var key = TestKeys.New("pipelined");
        var echoes = Enumerable.Range(0, 2000).Select(i => client.ExecuteAsync("ECHO", $"echo-{i}")).ToList();
        var adds = Enumerable.Range(0, 2000).Select(i => client.XAddAsync(key, ("n", i.ToString()))).ToList();

        var echoed = await Task.WhenAll(echoes);
        var ids = await Task.WhenAll(adds);

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"echo-{i}"), echoed.Select(reply => reply.AsString()));
        Assert.Equal(2000, await client.XLenAsync(key));
        var stored = await client.XRangeAsync(key);
        // Each call got the ID of its own entry: the entry with that ID holds the value the call added.
        var valueById = stored.ToDictionary(entry => entry.Id, entry => entry["n"]);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i.ToString()), ids.Select(id => valueById[id]));
    }

    [Fact]
    public async Task BlockedXReadGroup_DoesNotStallOtherCallers()
    {
        var client = fixture.Client;
        var key = TestKeys.New("blocked-group");
        await client.XGroupCreateAsync(key, "g", "$", mkStream: true);
        var blocked = client.XReadGroupAsync("g", "c", key, ">", count: 1, block: TimeSpan.Zero);

        var other = TestKeys.New("busy");
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.XAddAsync(other, ("i", i.ToString()))));
        Assert.Equal(100, await client.XLenAsync(other));
        Assert.False(blocked.IsCompleted);

        var id = await client.XAddAsync(key, ("wake", "up"));
        var entry = Assert.Single(await blocked);
        Assert.Equal(id, entry.Id);
        Assert.Equal("up", entry["wake"]);
    }

    [Fact]
    public async Task CancellingABlockedRead_ThrowsCancellation_AndTheClientKeepsWorking()
    {
        var client = fixture.Client;
        var key = TestKeys.New("cancel-block");
        using var cancel = new CancellationTokenSource();
        var blocked = client.XReadAsync(key, "0-0", block: TimeSpan.Zero, cancellationToken: cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);

        var id = await client.XAddAsync(key, ("after", "cancel"));
        var entry = Assert.Single(await client.XReadAsync(key, "0-0", block: TimeSpan.FromSeconds(5)));
        Assert.Equal(id, entry.Id);
    }

    [Fact]
    public async Task BlockingRead_MayWaitLongerThanTheCommandTimeout()
    {
        await using var client = new StreamsClient(fixture.Options with { CommandTimeout = TimeSpan.FromSeconds(2) });
        var key = TestKeys.New("long-block");
        // BLOCK time is added to the command timeout: an empty read after 3 s is an answer, not a timeout.
        Assert.Empty(await client.XReadAsync(key, "0-0", block: TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task ExecuteAsync_SendsAnyCommand_AndRoutesBlockingReadsToADedicatedConnection()
    {
        var client = fixture.Client;
        var key = TestKeys.New("generic");
        var blocked = client.ExecuteAsync("XREAD", "BLOCK", "0", "STREAMS", key, "0-0");
        Assert.Equal("PONG", (await client.ExecuteAsync("PING")).AsString());
        var id = (await client.ExecuteAsync("XADD", key, "*", "f", "v")).AsString();
        var reply = await blocked;
        Assert.Equal(id, reply.Items[0].Items[1].Items[0].Items[0].AsString());
    }
}
