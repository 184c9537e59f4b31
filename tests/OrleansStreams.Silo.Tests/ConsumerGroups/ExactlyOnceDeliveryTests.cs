using System.Collections.Concurrent;
using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// Many consumers of one group over real connections, blocked in XREADGROUP with <c>&gt;</c> while several producers
/// append: every entry must reach exactly one consumer, none twice and none skipped. The same run against
/// redis-server proves the test itself.
/// </summary>
[Collection("differential")]
public sealed class ExactlyOnceDeliveryTests(DifferentialFixture fixture)
{
    private const int ConsumerCount = 8;
    private const int ProducerCount = 3;
    private const int EntriesPerProducer = 250;

    [Fact]
    public Task ConcurrentConsumers_OnTheSilo_GetEveryEntryExactlyOnce()
        => RunAsync(fixture.SiloServer.ConnectAsync, fixture.Silo);

    [Fact]
    public Task ConcurrentConsumers_OnRedis_GetEveryEntryExactlyOnce()
        => RunAsync(fixture.RedisServer.ConnectAsync, fixture.Redis);

    private static async Task RunAsync(Func<Task<RawRespClient>> connect, RawRespClient admin)
    {
        var key = StreamKeys.New("exactly-once");
        const int total = ProducerCount * EntriesPerProducer;
        Assert.Equal("+OK\r\n", await admin.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM"));

        var deliveries = new ConcurrentQueue<(string Consumer, string Id)>();
        var delivered = 0;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var consumers = Enumerable.Range(0, ConsumerCount).Select(i => Task.Run(async () =>
        {
            var name = $"consumer-{i}";
            await using var client = await connect();
            while (Volatile.Read(ref delivered) < total)
            {
                Assert.False(giveUp.IsCancellationRequested, $"Only {Volatile.Read(ref delivered)} of {total} deliveries arrived.");
                var reply = RespNode.Parse(await client.ExecuteAsync("XREADGROUP", "GROUP", "g", name, "COUNT", "7", "BLOCK", "1000", "STREAMS", key, ">"));
                if (reply.IsNull) continue;
                var ids = reply[0][1].Items!.Select(entry => entry[0].Text).ToArray();
                Assert.NotEmpty(ids);
                foreach (var id in ids) deliveries.Enqueue((name, id));
                Interlocked.Add(ref delivered, ids.Length);
                Assert.Equal($":{ids.Length}\r\n", await client.ExecuteAsync(["XACK", key, "g", .. ids]));
            }
        })).ToArray();

        // Every consumer is blocked before the first entry is added.
        await BlockedClients.WaitAsync(admin, ConsumerCount);

        var produced = new ConcurrentBag<string>();
        var producers = Enumerable.Range(0, ProducerCount).Select(p => Task.Run(async () =>
        {
            await using var client = await connect();
            for (var n = 0; n < EntriesPerProducer; n++)
            {
                var reply = RespNode.Parse(await client.ExecuteAsync("XADD", key, "*", "producer", p.ToString(), "n", n.ToString()));
                produced.Add(reply.Text);
            }
        })).ToArray();
        await Task.WhenAll(producers);
        await Task.WhenAll(consumers);

        var ids = deliveries.Select(d => d.Id).ToList();
        Assert.Equal(total, produced.Distinct().Count());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(produced.OrderBy(id => id).ToList(), ids.OrderBy(id => id).ToList());
        Assert.True(deliveries.Select(d => d.Consumer).Distinct().Count() > 1, "Only one consumer ever got entries.");

        // Nothing is left to deliver, nothing is pending, and the group has read everything.
        Assert.Equal("*-1\r\n", await admin.ExecuteAsync("XREADGROUP", "GROUP", "g", "late", "STREAMS", key, ">"));
        Assert.Equal("*4\r\n:0\r\n$-1\r\n$-1\r\n*-1\r\n", await admin.ExecuteAsync("XPENDING", key, "g"));
        var group = RespNode.Parse(await admin.ExecuteAsync("XINFO", "GROUPS", key))[0];
        Assert.Equal(total, group.Field("entries-read").Integer);
        Assert.Equal(0, group.Field("lag").Integer);
    }
}
