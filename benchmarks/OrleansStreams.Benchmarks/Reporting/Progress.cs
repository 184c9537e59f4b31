using System.Diagnostics;

namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>Progress lines while the run goes, prefixed with the time since it started.</summary>
public static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Write(string line) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {line}");
}
