using OrleansStreams.Benchmarks;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Phases;
using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchmarkSettings.Usage);
    return 0;
}
var repoRoot = RepoRoot.Find();
BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args, repoRoot);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    await Console.Error.WriteLineAsync(BenchmarkSettings.Usage);
    return 2;
}
if (!File.Exists(settings.SiloDll))
{
    await Console.Error.WriteLineAsync($"No silo at {settings.SiloDll}. Build it first: dotnet build src/OrleansStreams.Silo -c Release");
    return 2;
}
foreach (var tool in new[] { RedisLauncher.Executable, RedisBenchmarkTool.Executable })
{
    if (!ExecutableSearch.IsOnPath(tool))
    {
        await Console.Error.WriteLineAsync($"{tool} is not installed (Debian: apt-get install redis-server redis-tools).");
        return 2;
    }
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop measuring and let every started server be shut down on the way out.
    e.Cancel = true;
    cancel.Cancel();
};

var report = new BenchmarkReport(settings, MachineInfo.Describe(), MachineInfo.LoadAverage());
var launcher = new SiloLauncher(settings.SiloDll);
var workDir = Directory.CreateTempSubdirectory("orleansstreams-bench-").FullName;
Progress.Write($"silo: {settings.SiloDll} (built {File.GetLastWriteTime(settings.SiloDll):yyyy-MM-dd HH:mm:ss}); data under {workDir}");
Progress.Write($"{settings.Rounds} rounds of ~{settings.Duration.TotalSeconds} s per workload after a warm-up; {settings.Entries:#,0} entries for memory and restart");
try
{
    if (settings.Phases.Contains("throughput"))
    {
        var (results, check) = await ThroughputPhase.RunAsync(settings, launcher, workDir, cancel.Token);
        report.Results.AddRange(results);
        report.GeneratorCheck = check;
    }
    if (settings.Phases.Contains("durable")) report.Results.AddRange(await DurablePhase.RunAsync(settings, launcher, workDir, cancel.Token));
    if (settings.Phases.Contains("memory")) report.Results.Add(await MemoryPhase.RunAsync(settings, launcher, workDir, cancel.Token));
    if (settings.Phases.Contains("restart")) report.Results.Add(await RestartPhase.RunAsync(settings, launcher, workDir, cancel.Token));
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled; servers stopped.");
    return 130;
}
finally
{
    try
    {
        Directory.Delete(workDir, recursive: true);
    }
    catch (IOException exception)
    {
        await Console.Error.WriteLineAsync($"Could not remove {workDir}: {exception.Message}");
    }
}

report.LoadAfter = MachineInfo.LoadAverage();
Console.Write(report.ToText());
if (settings.MarkdownPath is { } markdown)
{
    Directory.CreateDirectory(Path.GetDirectoryName(markdown)!);
    await File.WriteAllTextAsync(markdown, report.ToMarkdown());
    Console.WriteLine($"Markdown written to {markdown}");
}
return 0;
