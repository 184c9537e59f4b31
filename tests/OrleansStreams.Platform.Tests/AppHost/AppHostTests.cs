using System.Net;
using System.Text.Json;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Platform.Tests.AppHost;

public sealed class AppHostTests
{
    private const int Sigint = 2;
    private const int Sigkill = 9;
    private const int Sigterm = 15;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static bool ApiInCheckout => File.Exists(Path.Combine(AppHostProcess.RepositoryRoot, "src", "OrleansStreams.Api", "OrleansStreams.Api.csproj"));

    [Theory]
    [InlineData(Sigint)]
    [InlineData(Sigterm)]
    public async Task AppHost_StartsTheSystem_ServesIt_AndStopsEveryChildOnSignal(int signal)
    {
        await using var host = await AppHostProcess.StartAsync();
        var children = await UseTheSystemAsync(host);

        host.Signal(signal);
        var exitCode = await host.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode == 0, $"AppHost exit code {exitCode}:\n{host.Output}");
        Assert.Contains("AppHost: stopped.", host.Output);
        // The AppHost waited for its children, so they are gone by the time it exits.
        Assert.DoesNotContain(children, ProcessTable.IsRunning);
        Assert.Empty(ProcessTable.WithCommandLineContaining(host.DataDir));
    }

    [Fact]
    public async Task AppHost_KilledOutright_LeavesNoChildBehind()
    {
        await using var host = await AppHostProcess.StartAsync();
        var children = await UseTheSystemAsync(host);

        host.Signal(Sigkill);
        await host.WaitForExitAsync(ExitTimeout);

        // SIGKILL gives the AppHost no chance to stop anything: each child sees its standard input close and stops itself.
        Assert.Empty(await ProcessTable.WaitAllGoneAsync(children, ExitTimeout));
        Assert.Empty(ProcessTable.WithCommandLineContaining(host.DataDir));
    }

    [Fact]
    public async Task AppHost_WithOtlp_HasEveryChildExportLogsMetricsAndTracesUnderItsServiceName()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var host = await AppHostProcess.StartAsync("--otlp", collector.Endpoint.ToString(), "--otlp-protocol", "http/protobuf");
        var resp = host.PrintedUrl("silo RESP") ?? throw new Xunit.Sdk.XunitException($"No RESP URL printed:\n{host.Output}");
        await using (var client = await RawRespClient.ConnectAsync(resp.Port))
        {
            Assert.StartsWith("$", await client.ExecuteAsync("XADD", "otlp-orders", "*", "item", "widget"));
        }

        var timeout = TimeSpan.FromSeconds(60);
        // The AppHost sets the service name and one-second export intervals; the silo's own spans, meters and logs arrive.
        await collector.WaitForAsync("/v1/traces", timeout, "silo", "XADD", "IStreamGrain", "journal.commit");
        await collector.WaitForAsync("/v1/metrics", timeout, "silo", "orleansstreams.entries.appended", "orleansstreams.command.duration");
        await collector.WaitForAsync("/v1/logs", timeout, "silo", "opened with durability");
        host.Signal(Sigterm);
        Assert.Equal(0, await host.WaitForExitAsync(ExitTimeout));
    }

    /// <summary>Uses every printed URL and returns the children's process ids.</summary>
    private static async Task<IReadOnlyList<int>> UseTheSystemAsync(AppHostProcess host)
    {
        var resp = host.PrintedUrl("silo RESP") ?? throw new Xunit.Sdk.XunitException($"No RESP URL printed:\n{host.Output}");
        var siloHealth = host.PrintedUrl("silo health") ?? throw new Xunit.Sdk.XunitException($"No silo health URL printed:\n{host.Output}");
        var dashboard = host.PrintedUrl("dashboard") ?? throw new Xunit.Sdk.XunitException($"No dashboard URL printed:\n{host.Output}");
        Assert.Equal("redis", resp.Scheme);

        await using (var client = await RawRespClient.ConnectAsync(resp.Port))
        {
            Assert.Equal("+PONG\r\n", await client.ExecuteAsync("PING"));
            Assert.StartsWith("$", await client.ExecuteAsync("XADD", "apphost-orders", "*", "item", "widget"));
            Assert.Equal(":1\r\n", await client.ExecuteAsync("XLEN", "apphost-orders"));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var health = await http.GetAsync(siloHealth);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("ready: storage reachable (sqlite)", await health.Content.ReadAsStringAsync());

        if (ApiInCheckout)
        {
            var api = host.PrintedUrl("API") ?? throw new Xunit.Sdk.XunitException($"No API URL printed:\n{host.Output}");
            Assert.NotNull(host.PrintedUrl("OpenAPI"));
            using var apiHealth = await http.GetAsync(new Uri(api, "/health"));
            Assert.Equal(HttpStatusCode.OK, apiHealth.StatusCode);
        }
        else
        {
            Assert.Contains("AppHost: api not started: src/OrleansStreams.Api is not in this checkout.", host.Output);
        }

        Assert.Contains("OrleansStreams AppHost", await http.GetStringAsync(dashboard));
        using var resources = JsonDocument.Parse(await http.GetStringAsync(new Uri(dashboard, "/resources")));
        var children = new List<int>();
        foreach (var resource in resources.RootElement.EnumerateArray())
        {
            if (resource.GetProperty("state").GetString() == "Skipped") continue;
            Assert.Equal("Healthy", resource.GetProperty("state").GetString());
            children.Add(resource.GetProperty("processId").GetInt32());
        }

        Assert.Equal(ApiInCheckout ? 2 : 1, children.Count);
        Assert.All(children, pid => Assert.True(ProcessTable.IsRunning(pid)));
        // The silo's log reached the AppHost's console with its prefix.
        Assert.Contains("[silo] OrleansStreams silo ready", host.Output);
        return children;
    }
}
