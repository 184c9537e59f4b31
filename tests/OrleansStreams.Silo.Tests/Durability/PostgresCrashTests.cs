using Xunit.Abstractions;

namespace OrleansStreams.Silo.Tests.Durability;

[Collection("durability")]
public sealed class PostgresCrashTests(PostgresCluster postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task SiloKilledRepeatedly_WithPostgres_KeepsEveryAcknowledgedWrite()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var scenario = new CrashScenario(() => SiloProcess.StartAsync("--storage", "postgres", "--postgres", connectionString), output);
        await scenario.RunAsync(kills: 4);
    }
}
