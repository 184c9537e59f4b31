using System.Diagnostics;
using OrleansStreams.Platform.Tests.AppHost;

namespace OrleansStreams.Platform.Tests.Health;

/// <summary>A PostgreSQL cluster of this test's own (scripts/start-postgres.sh), so the test can stop it.</summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _directory;
    private bool _stopped;

    private ThrowawayPostgres(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "orleansstreams-health-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var output = await RunScriptAsync(directory);
        return new ThrowawayPostgres(directory, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await RunScriptAsync("--stop", _directory);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppHostProcess.RepositoryRoot, "scripts", "start-postgres.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: on a fresh machine the script first installs PostgreSQL.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        if (process.ExitCode != 0) throw new InvalidOperationException($"start-postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
