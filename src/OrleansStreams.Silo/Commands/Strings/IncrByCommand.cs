namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>INCRBY key increment: the increment is checked before the key.</summary>
public static class IncrByCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
        => IntegerIncrement.TryParseDelta(context, out var delta) ? IntegerIncrement.RunAsync(context, delta) : ValueTask.CompletedTask;
}
