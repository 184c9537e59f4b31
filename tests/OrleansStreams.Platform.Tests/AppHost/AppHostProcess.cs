using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansStreams.Platform.Tests.AppHost;

/// <summary>
/// The AppHost as a real process (<c>dotnet OrleansStreams.AppHost.dll</c>, the program <c>dotnet run --project
/// AppHost</c> runs) on free ports and a temporary data folder; reads the URLs it prints.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(Process process, string dataDir)
    {
        _process = process;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansStreams.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
        }
    }

    public static string AppHostAssembly
    {
        get
        {
            var configuration = typeof(AppHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "OrleansStreams.Configuration").Value!;
            var path = Path.Combine(RepositoryRoot, "AppHost", "bin", configuration, "net10.0", "OrleansStreams.AppHost.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The AppHost is not built (the test project builds it).", path);
        }
    }

    public static async Task<AppHostProcess> StartAsync(params string[] extraArgs)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "orleansstreams-apphost-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[AppHostAssembly, "--resp-port", "0", "--silo-http-port", "0", "--api-port", "0", "--dashboard-port", "0", "--data-dir", dataDir, .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new AppHostProcess(process, dataDir);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException($"The AppHost exited before it was ready:\n{host.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host._ready.Task.WaitAsync(ReadyTimeout);
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The AppHost did not print 'ready' within {ReadyTimeout.TotalSeconds} s:\n{host.Output}");
        }

        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.StartsWith("AppHost: ready.", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>The URL the AppHost printed as "AppHost: {label}: {url}".</summary>
    public Uri? PrintedUrl(string label)
    {
        var match = Regex.Match(Output, $"^AppHost: {Regex.Escape(label)}: (\\S+)$", RegexOptions.Multiline);
        return match.Success ? new Uri(match.Groups[1].Value) : null;
    }

    public void Signal(int signal)
    {
        Assert.Equal(0, Kill(_process.Id, signal));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var budget = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(budget.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The AppHost did not exit within {timeout.TotalSeconds} s:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
