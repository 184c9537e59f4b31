using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// Group policies and their sweeps survive a restart on SQLite: after the restart, with no call to the group, the
/// poison entry reaches its dead-letter stream and idle entries go to the next reader (real clock, waits on events).
/// </summary>
[Collection("durability")]
public sealed class PolicyRestartTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task PolicyAndSweeping_SurviveARestart_WithoutAnyCallToTheGroup()
    {
        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            string[][] setup =
            [
                ["XADD", "jobs", "1-0", "job", "1"],
                ["XADD", "jobs", "2-0", "job", "2"],
                ["XGROUP", "CREATE", "jobs", "poisoned", "0"],
                ["XGROUPPOLICY", "SET", "jobs", "poisoned", "CLAIMIDLE", "1500", "MAXDELIVERIES", "1", "DEADLETTER", "jobs:dlq"],
                ["XGROUP", "CREATE", "jobs", "workers", "0"],
                ["XGROUPPOLICY", "SET", "jobs", "workers", "CLAIMIDLE", "1500"],
                ["XREADGROUP", "GROUP", "poisoned", "w1", "COUNT", "1", "STREAMS", "jobs", ">"],
                ["XREADGROUP", "GROUP", "workers", "w1", "STREAMS", "jobs", ">"],
            ];
            foreach (var command in setup)
            {
                var reply = await client.ExecuteAsync(command);
                Assert.False(reply.StartsWith('-'), $"{string.Join(' ', command)} failed: {reply}");
            }
            Assert.Equal(":0\r\n", await client.ExecuteAsync("EXISTS", "jobs:dlq"));
        }

        await using (var silo = await StartAsync())
        {
            await using var watcher = await silo.ConnectAsync();
            watcher.Timeout = TimeSpan.FromSeconds(30);
            // Only the dead-letter stream is read: the group's grain is woken by its reminder, not by a client.
            var dead = Resp.Array(await watcher.ExecuteAsync("XREAD", "BLOCK", "20000", "STREAMS", "jobs:dlq", "0-0"));
            Assert.Equal([("1-0", "job=1,source-stream=jobs,source-group=poisoned,last-consumer=w1,delivery-count=1")], Resp.Entries(((List<object?>)dead[0]!)[1]));

            await using var client = await silo.ConnectAsync();
            client.Timeout = TimeSpan.FromSeconds(30);
            Assert.Contains("$13\r\ndead-lettered\r\n:1\r\n", await client.ExecuteAsync("XGROUPPOLICY", "GET", "jobs", "poisoned"));
            var reclaimed = Resp.Array(await client.ExecuteAsync("XREADGROUP", "GROUP", "workers", "w2", "BLOCK", "20000", "STREAMS", "jobs", ">"));
            Assert.Equal([("1-0", "job=1"), ("2-0", "job=2")], Resp.Entries(((List<object?>)reclaimed[0]!)[1]));
            Assert.Contains("$10\r\nclaim-idle\r\n:1500\r\n", await client.ExecuteAsync("XINFO", "GROUPS", "jobs"));
        }
    }

    private Task<InProcessSilo> StartAsync() => InProcessSilo.StartAsync(["--storage", "sqlite", "--data-dir", _data.Path]);

    public void Dispose() => _data.Dispose();
}
