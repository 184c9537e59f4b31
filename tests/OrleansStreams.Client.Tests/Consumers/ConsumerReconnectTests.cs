using System.Collections.Concurrent;
using OrleansStreams.Client.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Durability;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Consumers;

public sealed class ConsumerReconnectTests
{
    [Fact]
    public async Task WhenTheSiloRestarts_TheConsumerKeepsRetryingItsReads_AndCarriesOn()
    {
        using var data = new TempDirectory();
        var port = FreePort.Next();
        string[] args = ["--port", port.ToString(), "--data-dir", data.Path];
        await using var client = new StreamsClient(new StreamsClientOptions { Port = port, CommandTimeout = TimeSpan.FromSeconds(5), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
        var handled = new ConcurrentQueue<string>();
        var signals = new ConcurrentDictionary<string, TaskCompletionSource>();
        TaskCompletionSource Signal(string job) => signals.GetOrAdd(job, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var options = new StreamConsumerOptions
        {
            Stream = "jobs",
            Group = "workers",
            Consumer = "w1",
            StartId = "0",
            Block = TimeSpan.FromMilliseconds(500),
            ReadErrorDelay = TimeSpan.FromMilliseconds(100),
        };
        using var service = new StreamConsumerService(client, options, (message, _) =>
        {
            var job = message.Entry["job"]!;
            handled.Enqueue(job);
            Signal(job).TrySetResult();
            return Task.CompletedTask;
        });

        var silo = await SiloProcess.StartAsync(args);
        try
        {
            await client.XAddAsync("jobs", ("job", "before"));
            await service.StartAsync(CancellationToken.None);
            await Signal("before").Task.WaitAsync(Eventually.Limit);
            await Eventually.WaitUntilAsync(async () => (await client.XPendingAsync("jobs", "workers")).Count == 0, "the first job to be acknowledged");
        }
        finally
        {
            await silo.DisposeAsync();
        }

        await using var restarted = await SiloProcess.StartAsync(args);
        await client.XAddAsync("jobs", ("job", "after"));
        await Signal("after").Task.WaitAsync(Eventually.Limit);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(["before", "after"], handled);
        Assert.Equal(0, (await client.XPendingAsync("jobs", "workers")).Count);
    }
}
