using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Clients;

/// <summary>
/// The extensions (XGROUPPOLICY, XADDIF, XADDMULTIIF) through unchanged redis-cli and redis-py. There is no Redis
/// oracle for commands Redis does not have, so the expected output is written out.
/// </summary>
public sealed class BeyondRedisClientTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task<string> CliAsync(params string[] args)
    {
        var result = await ExternalProcess.RunAsync("redis-cli", ["-p", _silo.Port.ToString(), .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output;
    }

    // redis-cli without a terminal prints an error reply followed by an empty line, as it does for Redis's own errors.
    [Fact]
    public async Task RedisCli_RunsTheExtensions()
    {
        Assert.Equal("1-0\n", await CliAsync("XADDIF", "cli:orders", "VERSION", "0", "1-0", "type", "opened"));
        Assert.Equal("VERSIONMISMATCH expected version 0 but stream is at 1\n\n", await CliAsync("XADDIF", "cli:orders", "VERSION", "0", "*", "type", "late"));
        Assert.Equal("2-0\n3-0\n", await CliAsync("XADDMULTIIF", "cli:orders", "VERSION", "1", "ENTRIES", "2", "2-0", "1", "type", "paid", "3-0", "1", "type", "shipped"));
        Assert.Equal("OK\n", await CliAsync("XGROUP", "CREATE", "cli:orders", "billing", "0"));
        Assert.Equal("OK\n", await CliAsync("XGROUPPOLICY", "SET", "cli:orders", "billing", "CLAIMIDLE", "30000", "MAXDELIVERIES", "5", "DEADLETTER", "cli:orders:dlq"));
        Assert.Equal("claim-idle\n30000\nmax-deliveries\n5\ndead-letter\ncli:orders:dlq\nreclaimed\n0\ndead-lettered\n0\n", await CliAsync("XGROUPPOLICY", "GET", "cli:orders", "billing"));
        Assert.Equal("NOGROUP No such key 'cli:orders' or consumer group 'nope'\n\n", await CliAsync("XGROUPPOLICY", "GET", "cli:orders", "nope"));
        Assert.Equal("OK\n", await CliAsync("XGROUPPOLICY", "DEL", "cli:orders", "billing"));
        Assert.Equal("\n", await CliAsync("XGROUPPOLICY", "GET", "cli:orders", "billing"));
    }

    [Fact]
    public async Task RedisPy_ExecuteCommand_DrivesPoliciesDeadLettersAndConditionalAppends()
    {
        var result = await ExternalProcess.RunPythonAsync("beyond_redis.py", _silo.Port.ToString());

        Assert.True(result.ExitCode == 0, $"beyond_redis.py failed against the silo:\n{result.Output}\n{result.Error}");
        Assert.Contains("ok", result.Output);
    }
}
