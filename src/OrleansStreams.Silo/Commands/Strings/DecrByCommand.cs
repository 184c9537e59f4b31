namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>DECRBY key decrement: the smallest long cannot be negated, so it is refused before the key is looked at.</summary>
public static class DecrByCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        if (!IntegerIncrement.TryParseDelta(context, out var delta)) return ValueTask.CompletedTask;
        if (delta == long.MinValue)
        {
            context.Reply.WriteError(PlainKeyErrors.DecrementOverflow);
            return ValueTask.CompletedTask;
        }
        return IntegerIncrement.RunAsync(context, -delta);
    }
}
