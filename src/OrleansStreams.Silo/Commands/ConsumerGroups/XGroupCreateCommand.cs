using OrleansStreams.ConsumerGroups;
using OrleansStreams.Keys;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>XGROUP CREATE key group &lt;id|$&gt; [MKSTREAM] [ENTRIESREAD n]</summary>
public static class XGroupCreateCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!XGroupOptions.TryParse(context, create: true, setId: false, out var options)) return;
        // Options given twice parse, but Redis still allows CREATE at most 8 arguments.
        if (args.Count > 8)
        {
            XGroupOptions.WriteSyntaxError(context);
            return;
        }
        StreamId? startId = null;
        if (!(args[4].Length == 1 && args[4][0] == (byte)'$'))
        {
            if (!StreamIdParser.TryParseStrict(args[4], 0, out var id))
            {
                context.Reply.WriteError(StreamErrors.InvalidId);
                return;
            }
            startId = id;
        }

        var key = args.Text(2);
        var nowMs = context.NowMs;
        var status = await GroupGrains.Get(context, key, args.Text(3))
            .InvokeAsync(g => g.CreateAsync(startId, options.EntriesRead, options.MakeStream, nowMs)).ConfigureAwait(false);
        switch (status)
        {
            case ConsumerGroupStatus.Ok:
                // MKSTREAM made a new key: that is a change of the key, unlike the group itself.
                if (options.KeyType == KeyType.None) context.MarkModified(key);
                context.Reply.WriteOk();
                break;
            case ConsumerGroupStatus.GroupExists:
                context.Reply.WriteError(GroupErrors.BusyGroup);
                break;
            case ConsumerGroupStatus.WrongType:
                context.Reply.WriteError(StreamErrors.WrongType);
                break;
            default:
                context.Reply.WriteError(GroupErrors.RequiresKey);
                break;
        }
    }
}
