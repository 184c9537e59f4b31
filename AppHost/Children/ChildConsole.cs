namespace OrleansStreams.AppHost.Children;

/// <summary>The AppHost's console: each child's lines prefixed with its name (coloured on a terminal), one writer at a time.</summary>
public static class ChildConsole
{
    private static readonly Lock Gate = new();
    private static readonly bool Colour = !Console.IsOutputRedirected;

    public static void WriteLine(string name, ConsoleColor color, string line)
    {
        lock (Gate)
        {
            if (Colour) Console.ForegroundColor = color;
            Console.Write($"[{name}] ");
            if (Colour) Console.ResetColor();
            Console.WriteLine(line);
        }
    }

    public static void Host(string line)
    {
        lock (Gate) Console.WriteLine($"AppHost: {line}");
    }
}
