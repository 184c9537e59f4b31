using Xunit.Abstractions;

namespace OrleansStreams.Silo.Tests.Durability;

[Collection("durability")]
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _data = new();

    // A process crash loses nothing acknowledged in either mode: everysec only leaves the last fsync to the OS.
    [Theory]
    [InlineData("always")]
    [InlineData("everysec")]
    public async Task SiloKilledRepeatedly_WithSqlite_KeepsEveryAcknowledgedWrite(string durability)
    {
        var scenario = new CrashScenario(() => SiloProcess.StartAsync("--storage", "sqlite", "--data-dir", _data.Path, "--durability", durability), output);
        await scenario.RunAsync(kills: 4);
    }

    public void Dispose() => _data.Dispose();
}
