using OrleansStreams.ConsumerGroups;
using OrleansStreams.Keys;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XACK key group id [id ...]. A missing key or group answers 0 without looking at the IDs; otherwise every ID must
/// parse before anything is acknowledged (all or nothing).
/// </summary>
public static class XAckCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var key = args.Text(1);
        var nowMs = context.NowMs;
        if (context.Services.Keyspace.TypeOf(key, nowMs) is not (KeyType.None or KeyType.Stream))
        {
            context.Reply.WriteError(StreamErrors.WrongType);
            return;
        }

        var grain = GroupGrains.Get(context, key, args.Text(2));
        var ids = new StreamId[args.Count - 3];
        for (var i = 0; i < ids.Length; i++)
        {
            if (StreamIdParser.TryParseStrict(args[i + 3], 0, out ids[i])) continue;
            switch (await grain.InvokeAsync(g => g.ExistsAsync(nowMs)).ConfigureAwait(false))
            {
                case ConsumerGroupStatus.Ok:
                    context.Reply.WriteError(StreamErrors.InvalidId);
                    break;
                case ConsumerGroupStatus.WrongType:
                    context.Reply.WriteError(StreamErrors.WrongType);
                    break;
                default:
                    context.Reply.WriteInteger(0);
                    break;
            }
            return;
        }

        var result = await grain.InvokeAsync(g => g.AcknowledgeAsync(ids, nowMs)).ConfigureAwait(false);
        if (result.Status == ConsumerGroupStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else context.Reply.WriteInteger(result.Status == ConsumerGroupStatus.Ok ? result.Value : 0);
    }
}
