using System.Diagnostics;
using System.Globalization;

namespace OrleansStreams.Benchmarks.Load;

/// <summary>Runs Debian's redis-benchmark with one custom command and parses its <c>--csv</c> line.</summary>
public static class RedisBenchmarkTool
{
    public const string Executable = "redis-benchmark";

    public static async Task<RedisBenchmarkResult> RunAsync(int port, int connections, int requests, int pipeline, IReadOnlyList<string> command, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] options =
        [
            "-h", "127.0.0.1", "-p", Text(port), "-c", Text(connections), "-n", Text(requests), "-P", Text(pipeline), "--csv",
        ];
        foreach (var arg in options.Concat(command)) startInfo.ArgumentList.Add(arg);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{Executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{Executable} -n {requests} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        var text = await output;
        var errors = await error;
        return Parse(text) ?? throw new InvalidOperationException(
            $"{Executable} exited with {process.ExitCode} and no CSV result: {FirstLine(errors)} {FirstLine(text)}".Trim());
    }

    /// <summary>The result line is <c>"name","rps","avg","min","p50","p95","p99","max"</c>; the name may hold anything, so read from the right.</summary>
    public static RedisBenchmarkResult? Parse(string csv)
    {
        foreach (var line in csv.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            var fields = line.Split(',');
            if (fields.Length < 8) continue;
            var numbers = fields[^7..].Select(f => f.Trim('"')).ToArray();
            if (!numbers.All(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _))) continue;
            double At(int i) => double.Parse(numbers[i], CultureInfo.InvariantCulture);
            return new RedisBenchmarkResult(At(0), At(1), At(3), At(5));
        }
        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
