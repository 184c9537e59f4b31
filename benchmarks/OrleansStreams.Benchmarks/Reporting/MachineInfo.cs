using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>What the figures depend on: cores, CPU model, how busy the machine was, server versions.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({model ?? "unknown CPU"}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {RedisVersion()}";
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string RedisVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("redis-server", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null) return "redis-server (version unknown)";
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var version = output.Split(' ').FirstOrDefault(p => p.StartsWith("v=", StringComparison.Ordinal));
            return $"redis-server {version?[2..] ?? "(version unknown)"}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "redis-server not found";
        }
    }
}
