using System.Diagnostics;

namespace OrleansStreams.Silo.Tests.Infrastructure;

/// <summary>Runs a real client program (redis-cli, redis-benchmark, python3 with redis-py) to completion.</summary>
public static class ExternalProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> args, string? standardInput = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time.");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a Python script shipped with the tests, with Debian's python3 (which has redis-py).</summary>
    public static Task<Result> RunPythonAsync(string script, params string[] args)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Clients", "python", script);
        return RunAsync("/usr/bin/python3", [path, .. args], timeout: TimeSpan.FromSeconds(120));
    }
}
