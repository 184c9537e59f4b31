using System.Net;
using OrleansStreams.Silo.Hosting;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Platform.Tests.Health;

public sealed class StorageHealthTests
{
    [Fact]
    public async Task Health_IsReadyWhileThePostgresStoreAnswers_AndNotReadyOnceItIsGone_WhileAliveStaysUp()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var httpPort = FreePort.Next();
        string[] args =
        [
            "--port", FreePort.Next().ToString(), "--http-port", httpPort.ToString(), "--bind", "127.0.0.1",
            "--storage", "postgres", "--postgres", postgres.ConnectionString, "--Logging:LogLevel:Default", "Critical",
        ];
        await using var app = SiloApplication.Create(args);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };

        using (var ready = await http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("storage: Healthy (ready: storage reachable (postgres))", await ready.Content.ReadAsStringAsync());
        }

        await postgres.StopAsync();

        using (var notReady = await http.GetAsync("/health"))
        {
            var body = await notReady.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.StartsWith("Unhealthy\n", body);
            Assert.Contains("storage: Unhealthy (not ready: storage (postgres) ", body);
        }

        using var alive = await http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        await app.StopAsync();
    }
}
