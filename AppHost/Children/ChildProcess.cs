using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrleansStreams.AppHost.Children;

/// <summary>
/// A running child: output prefixed with its name and kept for the resource page, stopped with SIGTERM and
/// killed (with its tree) if it does not exit in time. Its standard input is a pipe the AppHost never writes:
/// when the AppHost dies, even by SIGKILL, the child reads end-of-file and stops itself (ServiceDefaults'
/// parent watch), so no child outlives the AppHost.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    public const string ParentWatchVariable = "ORLEANSSTREAMS_STOP_WITH_PARENT";

    private const int RecentLineCount = 200;
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly Queue<string> _recent = new();
    private readonly ConsoleColor _color;
    private Process? _process;
    private int? _processId;
    private int? _exitCode;

    public ChildProcess(ChildDefinition definition, ChildLaunch launch, ConsoleColor color)
    {
        Definition = definition;
        Launch = launch;
        _color = color;
    }

    public ChildDefinition Definition { get; }

    public ChildLaunch Launch { get; }

    public string Name => Definition.Name;

    public ChildState State { get; set; } = ChildState.NotStarted;

    public int? ProcessId => _processId;

    public bool HasExited => _process?.HasExited ?? true;

    public Task Exited => _process?.WaitForExitAsync() ?? Task.CompletedTask;

    public int? ExitCode => _exitCode ?? (_process is { HasExited: true } process ? process.ExitCode : null);

    public IReadOnlyList<string> RecentLines
    {
        get
        {
            lock (_gate) return [.. _recent];
        }
    }

    public void Start(string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in Launch.Arguments) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var (name, value) in Launch.Environment) start.Environment[name] = value;
        start.Environment[ParentWatchVariable] = "stdin";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"{Name} did not start.");
        _process = process;
        _processId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public void Write(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            _recent.Enqueue(line);
            if (_recent.Count > RecentLineCount) _recent.Dequeue();
        }

        ChildConsole.WriteLine(Name, _color, line);
    }

    /// <summary>SIGTERM first so the child finishes in-flight work and flushes its store; SIGKILL to the tree if it overruns.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null || process.HasExited)
        {
            if (process is not null) State = ChildState.Exited;
            return;
        }

        State = ChildState.Stopping;
        if (Terminate(process.Id, Sigterm) != 0) process.Kill(entireProcessTree: true);
        using var budget = new CancellationTokenSource(StopBudget);
        try
        {
            await process.WaitForExitAsync(budget.Token);
        }
        catch (OperationCanceledException)
        {
            ChildConsole.WriteLine(Name, _color, $"did not stop within {StopBudget.TotalSeconds:0} s; killing it");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        State = ChildState.Exited;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_process is { } process)
        {
            _exitCode = process.ExitCode;
            _process = null;
            process.Dispose();
        }
    }

    private const int Sigterm = 15;

    // DllImport rather than LibraryImport: the generated form needs unsafe code for this one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);
}
