using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Clients;

/// <summary>Python scripts using Debian's redis-py, unchanged, against the silo.</summary>
public sealed class RedisPyTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Theory]
    [InlineData("stream_basics.py")]
    public async Task Script_PassesAgainstTheSilo(string script)
    {
        var result = await ExternalProcess.RunPythonAsync(script, _silo.Port.ToString());
        Assert.True(result.ExitCode == 0, $"{script} failed:\n{result.Output}\n{result.Error}");
        Assert.Contains("ok", result.Output);
    }
}
