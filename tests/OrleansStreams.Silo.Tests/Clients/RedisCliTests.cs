using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Clients;

/// <summary>Debian's redis-cli and redis-benchmark, unchanged, against the silo.</summary>
public sealed class RedisCliTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private Task<ExternalProcess.Result> Cli(params string[] args) =>
        ExternalProcess.RunAsync("redis-cli", ["-p", _silo.Port.ToString(), .. args]);

    [Fact]
    public async Task RedisCli_RunsStreamCommands()
    {
        Assert.Equal("PONG\n", (await Cli("PING")).Output);
        Assert.Equal("1-1\n", (await Cli("XADD", "cli:s", "1-1", "name", "ada")).Output);
        Assert.Equal("2-0\n", (await Cli("XADD", "cli:s", "2", "name", "bob")).Output);
        Assert.Equal("2\n", (await Cli("XLEN", "cli:s")).Output);
        Assert.Equal("1-1\nname\nada\n2-0\nname\nbob\n", (await Cli("XRANGE", "cli:s", "-", "+")).Output);
        Assert.Equal("stream\n", (await Cli("TYPE", "cli:s")).Output);
        var error = await Cli("XADD", "cli:s", "1-0", "f", "v");
        Assert.Equal("ERR The ID specified in XADD is equal or smaller than the target stream top item\n", error.Output);
    }

    [Fact]
    public async Task RedisCli_Interactive_ServesAPipedSession()
    {
        var session = "PING\nXADD cli:interactive 5-5 a b\nXRANGE cli:interactive - +\nHELLO 3\nXREAD COUNT 1 STREAMS cli:interactive 0\nQUIT\n";
        var result = await ExternalProcess.RunAsync("redis-cli", ["-p", _silo.Port.ToString()], standardInput: session);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PONG", result.Output);
        Assert.Contains("5-5", result.Output);
        Assert.Contains("cli:interactive", result.Output);
    }

    [Fact]
    public async Task RedisBenchmark_XAdd_Completes()
    {
        var result = await ExternalProcess.RunAsync("redis-benchmark",
            ["-p", _silo.Port.ToString(), "-n", "2000", "-c", "10", "-q", "XADD", "bench:s", "*", "f", "v"], timeout: TimeSpan.FromSeconds(120));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("requests per second", result.Output);
        Assert.Equal("2000\n", (await Cli("XLEN", "bench:s")).Output);
    }
}
