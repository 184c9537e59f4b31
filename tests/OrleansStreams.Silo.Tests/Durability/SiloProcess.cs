using System.Diagnostics;
using System.Text;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// The silo as a real child process (<c>dotnet OrleansStreams.Silo.dll --port P ...</c>), so a test can SIGKILL it
/// the way a crash or an OOM killer would, and start it again on the same storage.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private SiloProcess(Process process, StringBuilder output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Everything the silo wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>The silo built next to the tests (the test project references it, so it is built with them).</summary>
    public static string SiloAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "OrleansStreams.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The silo is not built next to the tests.", path);
        }
    }

    /// <summary>Starts the silo on a free port with <paramref name="args"/> and waits until it says it is ready.</summary>
    public static async Task<SiloProcess> StartAsync(params string[] args)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[SiloAssembly, "--port", port.ToString(), "--bind", "127.0.0.1", .. args]) start.ArgumentList.Add(arg);
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The silo exited before it was ready."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, output, port);
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (Exception exception)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"The silo did not start ({exception.Message}). Its output:\n{silo.Output}", exception);
        }
        return silo;

        void OnLine(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.StartsWith("OrleansStreams silo ready", StringComparison.Ordinal)) ready.TrySetResult();
        }
    }

    public Task<RawRespClient> ConnectAsync() => RawRespClient.ConnectAsync(Port);

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
