using OrleansStreams.ConsumerGroups;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XGROUP SETID key group &lt;id|$&gt; [ENTRIESREAD n]. Unlike CREATE, the ID is parsed non-strictly (<c>-</c> and
/// <c>+</c> allowed), and only after the group is known to exist.
/// </summary>
public static class XGroupSetIdCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!XGroupOptions.TryParse(context, create: false, setId: true, out var options)) return;
        var key = args.Text(2);
        var groupName = args.Text(3);
        var grain = GroupGrains.Get(context, key, groupName);
        var nowMs = context.NowMs;
        var exists = await grain.InvokeAsync(g => g.ExistsAsync(nowMs)).ConfigureAwait(false);
        if (exists != ConsumerGroupStatus.Ok)
        {
            WriteFailure(context, key, groupName, exists);
            return;
        }
        if (args.Count is not (5 or 7))
        {
            XGroupOptions.WriteSyntaxError(context);
            return;
        }
        StreamId? lastId = null;
        if (!(args[4].Length == 1 && args[4][0] == (byte)'$'))
        {
            if (!StreamIdParser.TryParse(args[4], 0, out var id))
            {
                context.Reply.WriteError(StreamErrors.InvalidId);
                return;
            }
            lastId = id;
        }

        var status = await grain.InvokeAsync(g => g.SetIdAsync(lastId, options.EntriesRead, nowMs)).ConfigureAwait(false);
        if (status == ConsumerGroupStatus.Ok) context.Reply.WriteOk();
        else WriteFailure(context, key, groupName, status);
    }

    private static void WriteFailure(CommandContext context, string key, string group, ConsumerGroupStatus status)
    {
        switch (status)
        {
            case ConsumerGroupStatus.WrongType:
                context.Reply.WriteError(StreamErrors.WrongType);
                break;
            case ConsumerGroupStatus.NoKey:
                context.Reply.WriteError(GroupErrors.RequiresKey);
                break;
            default:
                GroupErrors.WriteNoSuchGroup(context.Reply, key, group);
                break;
        }
    }
}
