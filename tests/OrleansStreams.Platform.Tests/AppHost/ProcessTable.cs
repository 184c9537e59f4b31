namespace OrleansStreams.Platform.Tests.AppHost;

/// <summary>What /proc says about processes that are not the test's children (the AppHost's children).</summary>
public static class ProcessTable
{
    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ...": the state follows the command name's closing parenthesis.
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Processes whose command line contains <paramref name="text"/>, for example a test's unique data folder.</summary>
    public static IReadOnlyList<int> WithCommandLineContaining(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Contains(text, StringComparison.Ordinal) && IsRunning(pid)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return found;
    }

    /// <summary>Waits (polling /proc, there is no exit event for a process that is not our child) until none of <paramref name="pids"/> runs.</summary>
    public static async Task<IReadOnlyList<int>> WaitAllGoneAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<int> running = [.. pids];
        while (true)
        {
            running = running.Where(IsRunning).ToList();
            if (running.Count == 0 || DateTime.UtcNow > deadline) return running;
            await Task.Delay(100);
        }
    }
}
