using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrleansStreams.Benchmarks.Processes;

/// <summary>
/// A server child process (redis-server or the silo) on a loopback port. Readiness is the line the server prints
/// once it serves; CPU time and RSS come from /proc through <see cref="Process"/>.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyMarker;

    private ServerProcess(string name, Process process, int port, string readyMarker)
    {
        Name = name;
        _process = process;
        Port = port;
        _readyMarker = readyMarker;
    }

    public string Name { get; }

    public int Port { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public static ServerProcess Start(string name, string fileName, IEnumerable<string> args, int port, string readyMarker)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) startInfo.ArgumentList.Add(arg);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new ServerProcess(name, process, port, readyMarker);
        process.OutputDataReceived += (_, e) => server.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnOutput(e.Data);
        process.Exited += (_, _) => server.OnExited();
        if (!process.Start()) throw new InvalidOperationException($"{fileName} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Completes when the server printed its ready line; fails when it exits first or takes too long.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} printed no '{_readyMarker}' within {timeout.TotalSeconds:F0} s. Last output:{Environment.NewLine}{RecentOutput}");
        }
    }

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>SIGTERM, as a service manager would: both servers flush their logs and exit.</summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return true;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void OnExited()
    {
        if (_ready.Task.IsCompleted) return;
        // Drains the redirected output first, so the message carries the server's own last words.
        _process.WaitForExit();
        var last = _output.LastOrDefault(line => line.Trim().Length > 0) ?? "(no output)";
        _ready.TrySetException(new InvalidOperationException(
            $"{Name} exited with code {_process.ExitCode} before it was ready: {last}{Environment.NewLine}{RecentOutput}"));
    }

    private void OnOutput(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines) _output.TryDequeue(out _);
        if (line.Contains(_readyMarker, StringComparison.Ordinal)) _ready.TrySetResult();
    }
}
