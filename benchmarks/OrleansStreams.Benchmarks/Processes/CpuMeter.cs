using System.Diagnostics;

namespace OrleansStreams.Benchmarks.Processes;

/// <summary>
/// CPU used during one measurement by the server under test and by the load generator (this process plus any
/// child it waited for in the meantime, i.e. redis-benchmark).
/// </summary>
public sealed class CpuMeter
{
    private readonly ServerProcess _server;
    private readonly Stopwatch _clock;
    private readonly TimeSpan _serverStart;
    private readonly TimeSpan _generatorStart;

    private CpuMeter(ServerProcess server)
    {
        _server = server;
        _serverStart = server.CpuTime();
        _generatorStart = GeneratorCpuTime();
        _clock = Stopwatch.StartNew();
    }

    public static CpuMeter Start(ServerProcess server) => new(server);

    public CpuUsage Stop()
    {
        var elapsed = _clock.Elapsed;
        var server = _server.CpuTime() - _serverStart;
        var generator = GeneratorCpuTime() - _generatorStart;
        return new CpuUsage(Percent(server, elapsed), Percent(generator, elapsed));
    }

    private static double Percent(TimeSpan cpu, TimeSpan wall) => wall > TimeSpan.Zero ? 100 * cpu / wall : 0;

    private static TimeSpan GeneratorCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime + WaitedChildrenCpuTime();
    }

    /// <summary>cutime + cstime from /proc/self/stat: CPU of children already reaped (a finished redis-benchmark).</summary>
    private static TimeSpan WaitedChildrenCpuTime()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields after "(comm)" start at field 3 (state); cutime and cstime are fields 16 and 17.
        var ticks = long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture);
        // USER_HZ is 100 on every Linux architecture .NET runs on.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
