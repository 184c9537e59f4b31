namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>PSETEX key milliseconds value.</summary>
public static class PSetExCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => TimedSet.RunAsync(context, seconds: false);
}
