namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>SETEX key seconds value.</summary>
public static class SetExCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => TimedSet.RunAsync(context, seconds: true);
}
