using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Clients;

/// <summary>Debian's redis-cli and redis-benchmark, unchanged, against the silo, with redis-server as the oracle.</summary>
public sealed class RedisCliTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;
    private RedisServer _redis = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync();
        _redis = await RedisServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private async Task AssertSameOutputAsync(string[] args, string? standardInput = null)
    {
        var expected = await ExternalProcess.RunAsync("redis-cli", ["-p", _redis.Port.ToString(), .. args], standardInput);
        var actual = await ExternalProcess.RunAsync("redis-cli", ["-p", _silo.Port.ToString(), .. args], standardInput);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.Output, actual.Output);
    }

    [Fact]
    public async Task RedisCli_PrintsTheSameAsAgainstRedis()
    {
        string[][] commands =
        [
            ["PING"],
            ["XADD", "cli:s", "1-1", "name", "ada"],
            ["XADD", "cli:s", "2", "name", "bob"],
            ["XLEN", "cli:s"],
            ["XRANGE", "cli:s", "-", "+"],
            ["XREVRANGE", "cli:s", "+", "-", "COUNT", "1"],
            ["XREAD", "STREAMS", "cli:s", "0"],
            ["TYPE", "cli:s"],
            ["XADD", "cli:s", "1-0", "f", "v"],
            ["XDEL", "cli:s", "1-1"],
            ["DEL", "cli:s"],
            ["EXISTS", "cli:s"],
        ];
        foreach (var command in commands) await AssertSameOutputAsync(command);
    }

    [Fact]
    public async Task RedisCli_Interactive_ServesAPipedSession()
    {
        var session = "PING\nXADD cli:interactive 5-5 a b\nXRANGE cli:interactive - +\nXREAD COUNT 1 STREAMS cli:interactive 0\nBOGUS\nQUIT\n";
        await AssertSameOutputAsync([], session);
    }

    [Fact]
    public async Task RedisBenchmark_XAdd_Completes()
    {
        var result = await ExternalProcess.RunAsync("redis-benchmark",
            ["-p", _silo.Port.ToString(), "-n", "2000", "-c", "10", "-q", "XADD", "bench:s", "*", "f", "v"], timeout: TimeSpan.FromSeconds(120));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("requests per second", result.Output);
        var length = await ExternalProcess.RunAsync("redis-cli", ["-p", _silo.Port.ToString(), "XLEN", "bench:s"]);
        Assert.Equal("2000\n", length.Output);
    }
}
