using System.Diagnostics;
using System.Runtime.InteropServices;
using OrleansStreams.AppHost.Children;
using OrleansStreams.AppHost.Dashboard;

namespace OrleansStreams.AppHost.Hosting;

/// <summary>
/// A small stand-in for Aspire's orchestrator: starts the children of <see cref="ChildCatalog"/> in order from
/// their build output, each after what it waits for is healthy, prints the URLs, and on SIGINT or SIGTERM stops
/// them in reverse order.
/// </summary>
public sealed class AppHostRunner(AppHostOptions options, RepositoryLayout layout)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(120);
    private static readonly ConsoleColor[] Colors = [ConsoleColor.Cyan, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Green, ConsoleColor.Blue];

    private readonly List<ChildProcess> _children = [];
    private readonly List<ResourceView> _skipped = [];
    private readonly Lock _gate = new();

    public async Task<int> RunAsync()
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => RequestStop(context, stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => RequestStop(context, stop));
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => RequestStop(context, stop));
        // Last resort if the AppHost ends some other way: no child may outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

        var plan = LaunchPlan.Create(options, layout);
        await using var dashboard = await DashboardServer.StartAsync(FreePort.Resolve(options.DashboardPort), Resources, options.Otlp);
        ChildConsole.Host($"dashboard: {dashboard.Url}");
        ChildConsole.Host($"storage: {options.Storage}{(options.Storage == "sqlite" ? " in " + plan.DataDir : "")}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            foreach (var definition in ChildCatalog.All)
            {
                if (stop.IsCancellationRequested) break;
                if (!await StartChildAsync(definition, plan, http, stop.Token))
                {
                    if (stop.IsCancellationRequested) break;
                    return 1;
                }
            }

            if (!stop.IsCancellationRequested)
            {
                ChildConsole.Host("ready. Press Ctrl+C to stop.");
                Task[] exits = [.. _children.Select(c => c.Exited)];
                var exited = await Task.WhenAny(Task.WhenAny(exits), Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
                if (!stop.IsCancellationRequested)
                {
                    var gone = _children.First(c => c.HasExited);
                    ChildConsole.Host($"{gone.Name} exited with code {gone.ExitCode}; stopping the others.");
                    return 1;
                }
            }

            return 0;
        }
        finally
        {
            ChildConsole.Host("stopping.");
            await StopAllAsync();
            ChildConsole.Host("stopped.");
        }
    }

    private async Task<bool> StartChildAsync(ChildDefinition definition, LaunchPlan plan, HttpClient http, CancellationToken cancellationToken)
    {
        var project = layout.ProjectFile(definition.ProjectDirectory);
        if (!File.Exists(project))
        {
            var reason = $"not started: {definition.ProjectDirectory} is not in this checkout.";
            ChildConsole.Host($"{definition.Name} {reason}");
            lock (_gate) _skipped.Add(ResourceView.Skipped(definition.Name, reason));
            return true;
        }

        var missing = definition.WaitFor.Where(name => !_children.Any(c => c.Name == name && c.State == ChildState.Healthy)).ToList();
        if (missing.Count > 0)
        {
            ChildConsole.Host($"{definition.Name} cannot start: it waits for {string.Join(", ", missing)}, which is not running.");
            return false;
        }

        var child = new ChildProcess(definition, definition.Launch(plan), Colors[_children.Count % Colors.Length]);
        lock (_gate) _children.Add(child);
        var assembly = layout.Assembly(definition.ProjectDirectory);
        if (!File.Exists(assembly))
        {
            child.State = ChildState.Building;
            if (!await BuildAsync(child, project, cancellationToken) || !File.Exists(assembly))
            {
                ChildConsole.Host($"{definition.Name}: building {definition.ProjectDirectory} failed.");
                return false;
            }
        }

        child.State = ChildState.Starting;
        child.Start(assembly, TelemetryEnvironment(definition.Name));
        if (!await HealthProbe.WaitHealthyAsync(http, child.Launch.HealthUrl, child.Exited, HealthTimeout, cancellationToken))
        {
            child.State = child.HasExited ? ChildState.Exited : ChildState.Unhealthy;
            if (!cancellationToken.IsCancellationRequested)
            {
                ChildConsole.Host($"{definition.Name} did not become healthy at {child.Launch.HealthUrl} (exit code {child.ExitCode?.ToString() ?? "none: still running"}).");
            }

            return false;
        }

        child.State = ChildState.Healthy;
        foreach (var (label, url) in child.Launch.Urls) ChildConsole.Host($"{label}: {url}");
        return true;
    }

    /// <summary>The variables Aspire's AppHost gives each child for telemetry (OtlpConfigurationExtensions).</summary>
    private Dictionary<string, string> TelemetryEnvironment(string name)
    {
        var environment = new Dictionary<string, string>
        {
            ["OTEL_SERVICE_NAME"] = name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={name}-{Guid.NewGuid().ToString("N")[..8]},deployment.environment.name=local",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        if (options.Otlp is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = options.Otlp;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.OtlpProtocol;
            // Development intervals, as Aspire sets them: see data within a second or two.
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        }

        return environment;
    }

    private async Task<bool> BuildAsync(ChildProcess child, string project, CancellationToken cancellationToken)
    {
        child.Write($"building {project}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["build", project, "-c", layout.Configuration, "-nologo", "-v", "quiet"]) start.ArgumentList.Add(arg);
        using var build = Process.Start(start)!;
        build.OutputDataReceived += (_, e) => child.Write(e.Data);
        build.ErrorDataReceived += (_, e) => child.Write(e.Data);
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        try
        {
            await build.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            return false;
        }

        return build.ExitCode == 0;
    }

    private IReadOnlyList<ResourceView> Resources()
    {
        lock (_gate) return [.. _children.Select(ResourceView.From), .. _skipped];
    }

    private static void RequestStop(PosixSignalContext context, CancellationTokenSource stop)
    {
        // Handled here: the AppHost stops its children before it exits.
        context.Cancel = true;
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already past shutdown.
        }
    }

    private async Task StopAllAsync()
    {
        List<ChildProcess> children;
        lock (_gate) children = [.. _children];
        children.Reverse();
        foreach (var child in children) await child.DisposeAsync();
    }

    private void KillAll()
    {
        List<ChildProcess> children;
        lock (_gate) children = [.. _children];
        foreach (var child in children)
        {
            if (child.ProcessId is { } pid && !child.HasExited)
            {
                try
                {
                    Process.GetProcessById(pid).Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }
    }
}
