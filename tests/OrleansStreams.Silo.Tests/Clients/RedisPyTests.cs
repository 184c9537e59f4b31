using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Clients;

/// <summary>
/// Python scripts using Debian's redis-py, unchanged. Each runs against a real redis-server first (so the script's
/// own expectations are proven right) and then against the silo.
/// </summary>
public sealed class RedisPyTests : IAsyncLifetime
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

    [Theory]
    [InlineData("stream_basics.py")]
    public async Task Script_PassesAgainstRedisAndTheSilo(string script)
    {
        var oracle = await ExternalProcess.RunPythonAsync(script, _redis.Port.ToString());
        Assert.True(oracle.ExitCode == 0, $"{script} fails against redis-server itself:\n{oracle.Output}\n{oracle.Error}");
        var result = await ExternalProcess.RunPythonAsync(script, _silo.Port.ToString());
        Assert.True(result.ExitCode == 0, $"{script} failed against the silo:\n{result.Output}\n{result.Error}");
        Assert.Contains("ok", result.Output);
    }
}
