using System.Collections.Concurrent;
using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Compatibility;

/// <summary>The client's pipelining and helpers work against a real redis-server too (they use only Redis commands there).</summary>
public sealed class RedisClientHelperTests(ServerPairFixture servers) : IClassFixture<ServerPairFixture>
{
    [Fact]
    public async Task ManyConcurrentCalls_AgainstRedis_AllGetTheirOwnReplies()
    {
        await using var client = new StreamsClient(new StreamsClientOptions { Port = servers.Redis.Options.Port, PoolSize = 1 });
        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.ExecuteAsync("ECHO", $"r{i}")));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"r{i}"), replies.Select(reply => reply.AsString()));
    }

    [Fact]
    public async Task ConsumerService_AgainstRedis_HandlesAndAcknowledgesEveryEntry()
    {
        var client = servers.Redis;
        var key = TestKeys.New("redis-consume");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await client.XAddAsync(key, ("n", i.ToString())));
        var handled = new ConcurrentBag<string>();
        var all = new TaskCompletionSource();
        using var service = new StreamConsumerService(client, new StreamConsumerOptions { Stream = key, Group = "g", Consumer = "c", StartId = "0", MaxConcurrency = 2 }, (message, _) =>
        {
            handled.Add(message.Id);
            if (handled.Count == ids.Count) all.TrySetResult();
            return Task.CompletedTask;
        });
        await service.StartAsync(CancellationToken.None);
        await all.Task.WaitAsync(Eventually.Limit);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(ids.Order(), handled.Order());
        Assert.Equal(0, (await client.XPendingAsync(key, "g")).Count);
    }

    [Fact]
    public async Task EventStoreLoadAndProjection_AgainstRedis_MatchTheSilo()
    {
        var stream = TestKeys.New("redis-events");
        var checkpoint = TestKeys.New("redis-checkpoint");
        var results = new List<string>();
        foreach (var client in new[] { servers.Redis, servers.Silo })
        {
            foreach (var n in new[] { "1", "2", "3" }) await client.XAddAsync(stream, [("type", "added"), ("data", n)], $"{n}-0");
            var store = new EventStore(client, new EventStoreOptions { PageSize = 2 });
            var loaded = await store.LoadAsync(stream, 0, (sum, e) => sum + int.Parse(e.Data.ToString()));
            var projected = await store.CatchUpAsync(stream, checkpoint, (_, _) => Task.CompletedTask);
            results.Add($"sum={loaded.State} version={loaded.Version} last={loaded.LastId} projected={projected} checkpoint={await store.ReadCheckpointAsync(checkpoint)}");
        }
        Assert.Equal("sum=6 version=3 last=3-0 projected=3 checkpoint=3-0", results[0]);
        Assert.Equal(results[0], results[1]);
    }
}
