namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>XGROUP CREATECONSUMER key group consumer: 1 when created, 0 when it already existed.</summary>
public static class XGroupCreateConsumerCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
        => XGroupConsumerCommand.ExecuteAsync(context, static (g, consumer, nowMs) => g.CreateConsumerAsync(consumer, nowMs));
}
