using OrleansStreams.ConsumerGroups;
using OrleansStreams.Silo.Commands.ConsumerGroups;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XINFO CONSUMERS key group: one map per consumer (name, pending, idle, inactive), in byte order of the names.</summary>
public static class XInfoConsumersCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var key = args.Text(2);
        if (!XInfoKey.TryCheck(context, key)) return;
        var groupName = args.Text(3);
        var nowMs = context.NowMs;
        var result = await GroupGrains.Get(context, key, groupName).InvokeAsync(g => g.GetConsumersAsync(nowMs)).ConfigureAwait(false);
        switch (result.Status)
        {
            case ConsumerGroupStatus.Ok:
                break;
            case ConsumerGroupStatus.WrongType:
                context.Reply.WriteError(StreamErrors.WrongType);
                return;
            case ConsumerGroupStatus.NoKey:
                context.Reply.WriteError(StreamErrors.NoSuchKey);
                return;
            default:
                GroupErrors.WriteNoSuchGroup(context.Reply, key, groupName);
                return;
        }

        var reply = context.Reply;
        reply.WriteArrayHeader(result.Consumers.Count);
        foreach (var consumer in result.Consumers)
        {
            reply.WriteMapHeader(4);
            reply.WriteBulk("name"u8);
            reply.WriteBulk(consumer.Name);
            reply.WriteBulk("pending"u8);
            reply.WriteInteger(consumer.Pending);
            reply.WriteBulk("idle"u8);
            reply.WriteInteger(consumer.IdleMs);
            reply.WriteBulk("inactive"u8);
            reply.WriteInteger(consumer.InactiveMs);
        }
    }
}
