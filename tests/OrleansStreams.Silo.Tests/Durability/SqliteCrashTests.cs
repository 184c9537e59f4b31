using Xunit.Abstractions;

namespace OrleansStreams.Silo.Tests.Durability;

[Collection("durability")]
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task SiloKilledRepeatedly_WithSqlite_KeepsEveryAcknowledgedWrite()
    {
        var scenario = new CrashScenario(() => SiloProcess.StartAsync("--storage", "sqlite", "--data-dir", _data.Path), output);
        await scenario.RunAsync(kills: 4);
    }

    public void Dispose() => _data.Dispose();
}
