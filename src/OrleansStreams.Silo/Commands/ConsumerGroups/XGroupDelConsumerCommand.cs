namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>XGROUP DELCONSUMER key group consumer: how many entries it had pending (they leave the group's PEL).</summary>
public static class XGroupDelConsumerCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
        => XGroupConsumerCommand.ExecuteAsync(context, static (g, consumer, nowMs) => g.DeleteConsumerAsync(consumer, nowMs));
}
