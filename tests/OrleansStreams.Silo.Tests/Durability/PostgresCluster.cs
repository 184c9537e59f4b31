using System.Diagnostics;
using Npgsql;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// A real PostgreSQL server: the one named by ORLEANSSTREAMS_POSTGRES, or else a throwaway cluster started with
/// scripts/start-postgres.sh (which installs Debian's postgresql when missing) and stopped at the end. Each test
/// gets a database of its own.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string EnvironmentVariable = "ORLEANSSTREAMS_POSTGRES";

    private string? _clusterDirectory;
    private string _adminConnectionString = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
            return;
        }
        _clusterDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orleansstreams-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var output = await RunScriptAsync(_clusterDirectory);
        _adminConnectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "os_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_clusterDirectory is not null) await RunScriptAsync("--stop", _clusterDirectory);
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(FindScript());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: on a fresh machine the script first installs PostgreSQL.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"start-postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }
        return await stdout;
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = System.IO.Path.Combine(directory.FullName, "scripts", "start-postgres.sh");
            if (File.Exists(script)) return script;
        }
        throw new FileNotFoundException("scripts/start-postgres.sh was not found above the test directory.");
    }
}
