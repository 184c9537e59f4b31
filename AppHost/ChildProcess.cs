using System.Diagnostics;

namespace OrleansStreams.AppHost;

/// <summary>A process the AppHost starts and owns: its output is prefixed with its name, and it is stopped gracefully.</summary>
public sealed class ChildProcess(string name, string fileName, IEnumerable<string> args) : IAsyncDisposable
{
    private Process? _process;

    public string Name { get; } = name;

    public bool HasExited => _process?.HasExited ?? true;

    public void Start()
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Write(string? line)
    {
        if (line is not null) Console.WriteLine($"[{Name}] {line}");
    }

    /// <summary>SIGTERM first so the child flushes and shuts down cleanly; SIGKILL if it does not within the budget.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(budget.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
