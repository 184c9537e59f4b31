using System.Diagnostics;
using System.Text;
using OrleansStreams.Api.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.Dashboard;

/// <summary>
/// Opens the dashboard in Debian's Chromium (driven by npm playwright-core, installed by scripts/install-test-deps.sh),
/// appends entries through the API and checks that the page shows them; the screenshot lands in artifacts/.
/// </summary>
public sealed class DashboardBrowserTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Dashboard_ShowsStreamsGroupsAndTheLiveTail_OfEntriesAppendedThroughTheApi()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/install-test-deps.sh");
        var script = Path.Combine(RepositoryPaths.BrowserTests, "dashboard-e2e.mjs");
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.BrowserTests, "node_modules", "playwright-core")),
            "playwright-core is not installed: run scripts/install-test-deps.sh (npm ci in tests/OrleansStreams.Api.Tests/Browser)");
        var screenshot = Path.Combine(RepositoryPaths.Artifacts, "screenshots", "dashboard.png");
        if (File.Exists(screenshot)) File.Delete(screenshot);

        var (exitCode, output) = await RunNodeAsync(script, fixture.Host.BaseAddress.ToString(), SecuredApiFixture.ApiKey, screenshot);

        Assert.True(exitCode == 0, $"the browser check failed (exit {exitCode}):\n{output}");
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.AsSpan().StartsWith(PngSignature), "the screenshot is not a PNG");
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.BrowserTests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var deadline = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
            return (-1, $"timed out after {RunTimeout.TotalSeconds} s\n{output}");
        }
        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, output.ToString());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output) output.AppendLine(line);
        }
    }
}
