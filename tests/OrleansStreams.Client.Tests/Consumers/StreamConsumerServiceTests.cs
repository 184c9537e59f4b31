using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Consumers;

[Collection(SiloCollection.Name)]
public sealed class StreamConsumerServiceTests(SiloFixture fixture)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private StreamsClient Client => fixture.Client;

    private static StreamConsumerOptions Options(string key) => new()
    {
        Stream = key,
        Group = "workers",
        Consumer = "w1",
        StartId = "0",
        RetryDelay = TimeSpan.FromMilliseconds(5),
        Block = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task EveryEntry_IsHandledOnce_AndAcknowledged()
    {
        var key = TestKeys.New("consume");
        var ids = new List<string>();
        for (var i = 0; i < 10; i++) ids.Add(await Client.XAddAsync(key, ("n", i.ToString())));
        var handled = new ConcurrentBag<string>();
        var allHandled = new TaskCompletionSource();
        using var service = new StreamConsumerService(Client, Options(key), (message, _) =>
        {
            handled.Add(message.Id);
            if (handled.Count == ids.Count) allHandled.TrySetResult();
            return Task.CompletedTask;
        });

        await service.StartAsync(CancellationToken.None);
        await allHandled.Task.WaitAsync(WaitLimit);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(ids.Order(), handled.Order());
        Assert.Equal(0, (await Client.XPendingAsync(key, "workers")).Count);
    }

    [Fact]
    public async Task Stopping_StopsReading_AndLetsTheInFlightHandlerFinish()
    {
        var key = TestKeys.New("graceful");
        var first = await Client.XAddAsync(key, ("job", "1"));
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var finished = new ConcurrentBag<string>();
        using var service = new StreamConsumerService(Client, Options(key) with { MaxConcurrency = 1 }, async (message, _) =>
        {
            started.TrySetResult();
            await release.Task;
            finished.Add(message.Id);
        });
        await service.StartAsync(CancellationToken.None);
        await started.Task.WaitAsync(WaitLimit);

        var stopping = service.StopAsync(CancellationToken.None);
        // Added after stopping began: a stopped consumer must not read it.
        var second = await Client.XAddAsync(key, ("job", "2"));
        Assert.False(stopping.IsCompleted);
        Assert.Equal(1, service.InFlight);

        release.SetResult();
        await stopping.WaitAsync(WaitLimit);

        Assert.Equal([first], finished);
        Assert.Equal(0, (await Client.XPendingAsync(key, "workers")).Count);
        var group = Assert.Single(await Client.XInfoGroupsAsync(key));
        Assert.Equal(first, group.LastDeliveredId);
        Assert.NotEqual(second, group.LastDeliveredId);
    }

    [Fact]
    public async Task WhenTheShutdownTimeoutRunsOut_HandlersAreCancelled_AndTheirEntriesStayPending()
    {
        var key = TestKeys.New("abandoned");
        var id = await Client.XAddAsync(key, ("job", "slow"));
        var started = new TaskCompletionSource();
        var sawCancellation = new TaskCompletionSource();
        using var service = new StreamConsumerService(Client, Options(key), async (_, cancellationToken) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                sawCancellation.TrySetResult();
            }
        });
        await service.StartAsync(CancellationToken.None);
        await started.Task.WaitAsync(WaitLimit);

        using var shutdownTimeout = new CancellationTokenSource();
        shutdownTimeout.Cancel();
        await service.StopAsync(shutdownTimeout.Token);
        await sawCancellation.Task.WaitAsync(WaitLimit);
        await service.ExecuteTask!.WaitAsync(WaitLimit);

        var pending = Assert.Single(await Client.XPendingRangeAsync(key, "workers"));
        Assert.Equal(id, pending.Id);
        Assert.Equal("w1", pending.Consumer);
    }

    [Fact]
    public async Task FailingHandler_IsRetried_UntilItSucceeds()
    {
        var key = TestKeys.New("retry");
        await Client.XAddAsync(key, ("job", "flaky"));
        var attempts = new ConcurrentQueue<int>();
        var succeeded = new TaskCompletionSource();
        using var service = new StreamConsumerService(Client, Options(key) with { MaxAttempts = 3 }, (message, _) =>
        {
            attempts.Enqueue(message.Attempt);
            if (message.Attempt < 3) throw new InvalidOperationException($"attempt {message.Attempt} fails");
            succeeded.TrySetResult();
            return Task.CompletedTask;
        });
        await service.StartAsync(CancellationToken.None);
        await succeeded.Task.WaitAsync(WaitLimit);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([1, 2, 3], attempts);
        Assert.Equal(0, (await Client.XPendingAsync(key, "workers")).Count);
    }

    [Fact]
    public async Task HandlerFailingEveryAttempt_LeavesTheEntryPending_ForRedeliveryOrDeadLettering()
    {
        var key = TestKeys.New("poison");
        var id = await Client.XAddAsync(key, ("job", "poison"));
        var attempts = 0;
        var lastAttempt = new TaskCompletionSource();
        using var service = new StreamConsumerService(Client, Options(key) with { MaxAttempts = 2 }, (message, _) =>
        {
            if (Interlocked.Increment(ref attempts) == 2) lastAttempt.TrySetResult();
            throw new InvalidOperationException("always fails");
        });
        await service.StartAsync(CancellationToken.None);
        await lastAttempt.Task.WaitAsync(WaitLimit);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, attempts);
        var pending = Assert.Single(await Client.XPendingRangeAsync(key, "workers"));
        Assert.Equal(id, pending.Id);
        // Retries happen in the handler loop: the server delivered the entry once.
        Assert.Equal(1, pending.DeliveryCount);
    }

    [Fact]
    public async Task HandlerFailingEveryAttempt_WithAcknowledge_DropsTheEntry()
    {
        var key = TestKeys.New("drop");
        await Client.XAddAsync(key, ("job", "poison"));
        var attempts = 0;
        var lastAttempt = new TaskCompletionSource();
        using var service = new StreamConsumerService(Client, Options(key) with { MaxAttempts = 2, OnFailure = FailedEntryAction.Acknowledge }, (_, _) =>
        {
            if (Interlocked.Increment(ref attempts) == 2) lastAttempt.TrySetResult();
            throw new InvalidOperationException("always fails");
        });
        await service.StartAsync(CancellationToken.None);
        await lastAttempt.Task.WaitAsync(WaitLimit);
        // Stopping waits for the handler's last step, the acknowledgement.
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.Equal(0, (await Client.XPendingAsync(key, "workers")).Count);
    }

    [Fact]
    public async Task Concurrency_IsBounded_AndReadsAskOnlyForFreeSlots()
    {
        var key = TestKeys.New("bounded");
        for (var i = 0; i < 6; i++) await Client.XAddAsync(key, ("n", i.ToString()));
        var running = 0;
        var maxRunning = 0;
        var twoStarted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var done = 0;
        var allDone = new TaskCompletionSource();
        using var service = new StreamConsumerService(Client, Options(key) with { MaxConcurrency = 2 }, async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            if (now == 2) twoStarted.TrySetResult();
            await release.Task;
            Interlocked.Decrement(ref running);
            if (Interlocked.Increment(ref done) == 6) allDone.TrySetResult();
        });
        await service.StartAsync(CancellationToken.None);
        await twoStarted.Task.WaitAsync(WaitLimit);

        // Both slots are busy, so nothing more has been read from the group.
        Assert.Equal(2, (await Client.XPendingAsync(key, "workers")).Count);

        release.SetResult();
        await allDone.Task.WaitAsync(WaitLimit);
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(2, maxRunning);
        Assert.Equal(0, (await Client.XPendingAsync(key, "workers")).Count);
    }

    [Fact]
    public async Task AtStart_EntriesThisConsumerLeftPending_AreHandledFirst()
    {
        var key = TestKeys.New("resume");
        await Client.XGroupCreateAsync(key, "workers", "0", mkStream: true);
        var leftOver = await Client.XAddAsync(key, ("job", "interrupted"));
        // A previous run of w1 read it and crashed before acknowledging.
        Assert.Single(await Client.XReadGroupAsync("workers", "w1", key, ">"));
        var fresh = await Client.XAddAsync(key, ("job", "new"));
        var handled = new ConcurrentQueue<string>();
        var both = new TaskCompletionSource();
        using var service = new StreamConsumerService(Client, Options(key) with { MaxConcurrency = 1 }, (message, _) =>
        {
            handled.Enqueue(message.Id);
            if (handled.Count == 2) both.TrySetResult();
            return Task.CompletedTask;
        });
        await service.StartAsync(CancellationToken.None);
        await both.Task.WaitAsync(WaitLimit);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([leftOver, fresh], handled);
        Assert.Equal(0, (await Client.XPendingAsync(key, "workers")).Count);
    }

    [Fact]
    public async Task InAGenericHost_ConsumersRegisteredWithAddStreamConsumer_RunAndStopWithTheHost()
    {
        var first = TestKeys.New("hosted-a");
        var second = TestKeys.New("hosted-b");
        var seen = new ConcurrentDictionary<string, string>();
        var both = new TaskCompletionSource();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddStreamsClient(fixture.Options);
        foreach (var key in new[] { first, second })
        {
            builder.Services.AddStreamConsumer(Options(key) with { StartId = "$" }, (_, message, _) =>
            {
                seen[message.Stream] = message.Entry["job"]!;
                if (seen.Count == 2) both.TrySetResult();
                return Task.CompletedTask;
            });
        }
        using var host = builder.Build();
        await host.StartAsync();
        // The groups start at "$": wait until both consumers have created them before adding.
        await Eventually.WaitUntilAsync(async () => await GroupExistsAsync(first) && await GroupExistsAsync(second), "both consumers to create their groups");
        await Client.XAddAsync(first, ("job", "a"));
        await Client.XAddAsync(second, ("job", "b"));
        await both.Task.WaitAsync(WaitLimit);
        await host.StopAsync();

        Assert.Equal("a", seen[first]);
        Assert.Equal("b", seen[second]);
    }

    private async Task<bool> GroupExistsAsync(string key) =>
        (await Client.ExistsAsync(key)) == 1 && (await Client.XInfoGroupsAsync(key)).Any(group => group.Name == "workers");

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
