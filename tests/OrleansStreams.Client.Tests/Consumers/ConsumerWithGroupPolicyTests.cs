using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Consumers;

/// <summary>The consumer service with a server-side group policy: entries it gives up on are redelivered by the silo's sweeps, then dead-lettered.</summary>
[Collection(SiloCollection.Name)]
public sealed class ConsumerWithGroupPolicyTests(SiloFixture fixture)
{
    [SkippableFact]
    public async Task AnEntryTheHandlerAlwaysFails_IsRedeliveredBySweeps_ThenDeadLettered()
    {
        var client = fixture.Client;
        await ServerExtensions.RequireCommandAsync(client, "XGROUPPOLICY", "GET", TestKeys.New("probe"), "g");
        var key = TestKeys.New("policy-consume");
        var deadLetters = TestKeys.New("policy-consume-dlq");
        await client.XGroupCreateAsync(key, "workers", "0", mkStream: true);
        await client.XGroupPolicySetAsync(key, "workers", new GroupPolicy { ClaimIdle = TimeSpan.FromMilliseconds(200), MaxDeliveries = 2, DeadLetter = deadLetters });
        var poison = await client.XAddAsync(key, ("job", "poison"));
        var deliveries = 0;
        var options = new StreamConsumerOptions
        {
            Stream = key,
            Group = "workers",
            Consumer = "w1",
            MaxAttempts = 1,
            Block = TimeSpan.FromMilliseconds(200),
        };
        using var service = new StreamConsumerService(client, options, (_, _) =>
        {
            Interlocked.Increment(ref deliveries);
            throw new InvalidOperationException("cannot process");
        });
        await service.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(async () => await client.XLenAsync(deadLetters) == 1, "the poison entry to reach the dead-letter stream");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, deliveries);
        Assert.Equal(0, (await client.XPendingAsync(key, "workers")).Count);
        var dead = Assert.Single(await client.XRangeAsync(deadLetters));
        // Issue 5: the dead letter keeps the entry's ID and fields, and names where it came from.
        Assert.Equal(poison, dead.Id);
        Assert.Equal("poison", dead["job"]);
        Assert.Equal(key, dead["source-stream"]);
        Assert.Equal("w1", dead["last-consumer"]);
        Assert.Equal("2", dead["delivery-count"]);
        Assert.Equal(1, (await client.XGroupPolicyGetAsync(key, "workers"))?.DeadLettered);
    }
}
