namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XREVRANGE key end start [COUNT n]: XRANGE in descending order.</summary>
public static class XRevRangeCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => XRangeCommand.ExecuteAsync(context, reverse: true);
}
