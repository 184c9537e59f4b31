using OrleansStreams.ConsumerGroups;
using OrleansStreams.Silo.Commands.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>What XGROUP CREATECONSUMER and DELCONSUMER share: the key and group checks and the integer reply.</summary>
internal static class XGroupConsumerCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context, Func<IConsumerGroupGrain, string, long, ValueTask<GroupCountResult>> call)
    {
        if (!XGroupOptions.TryParse(context, create: false, setId: false, out _)) return;
        var args = context.Args;
        var key = args.Text(2);
        var groupName = args.Text(3);
        var consumer = args.Text(4);
        var nowMs = context.NowMs;
        var result = await GroupGrains.Get(context, key, groupName).InvokeAsync(g => call(g, consumer, nowMs)).ConfigureAwait(false);
        switch (result.Status)
        {
            case ConsumerGroupStatus.Ok:
                context.Reply.WriteInteger(result.Value);
                break;
            case ConsumerGroupStatus.WrongType:
                context.Reply.WriteError(StreamErrors.WrongType);
                break;
            case ConsumerGroupStatus.NoKey:
                context.Reply.WriteError(GroupErrors.RequiresKey);
                break;
            default:
                GroupErrors.WriteNoSuchGroup(context.Reply, key, groupName);
                break;
        }
    }
}
