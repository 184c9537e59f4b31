using System.Diagnostics;

namespace OrleansStreams.Platform.Tests.Deployment;

/// <summary>Runs a command line tool to completion and keeps what it printed.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Errors)
{
    public static async Task<ToolRun> RunAsync(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun(process.ExitCode, await output, await errors);
    }
}
