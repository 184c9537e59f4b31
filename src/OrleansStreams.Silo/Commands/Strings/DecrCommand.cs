namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>DECR key.</summary>
public static class DecrCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => IntegerIncrement.RunAsync(context, -1);
}
