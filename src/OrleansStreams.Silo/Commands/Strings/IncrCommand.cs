namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>INCR key.</summary>
public static class IncrCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => IntegerIncrement.RunAsync(context, 1);
}
