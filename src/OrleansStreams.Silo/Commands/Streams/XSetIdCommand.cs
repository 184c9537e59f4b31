using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XSETID key last-id [ENTRIESADDED n] [MAXDELETEDID id]</summary>
public static class XSetIdCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!StreamIdParser.TryParseStrict(args[2], 0, out var lastId))
        {
            context.Reply.WriteError(StreamErrors.InvalidId);
            return;
        }
        long entriesAdded = -1;
        var maxDeletedId = StreamId.Zero;
        for (var i = 3; i < args.Count; i += 2)
        {
            var hasValue = i + 1 < args.Count;
            if (args.Is(i, "ENTRIESADDED"u8) && hasValue)
            {
                if (!RedisInteger.TryParse(args[i + 1], out entriesAdded))
                {
                    context.Reply.WriteError(StreamErrors.NotInteger);
                    return;
                }
                if (entriesAdded < 0)
                {
                    context.Reply.WriteError(StreamErrors.SetIdEntriesAddedNegative);
                    return;
                }
            }
            else if (args.Is(i, "MAXDELETEDID"u8) && hasValue)
            {
                if (!StreamIdParser.TryParseStrict(args[i + 1], 0, out maxDeletedId))
                {
                    context.Reply.WriteError(StreamErrors.InvalidId);
                    return;
                }
                if (lastId < maxDeletedId)
                {
                    context.Reply.WriteError(StreamErrors.SetIdBelowProvidedMaxDeleted);
                    return;
                }
            }
            else
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return;
            }
        }

        var request = new StreamSetIdRequest(lastId, entriesAdded, maxDeletedId, context.NowMs);
        var status = await context.Grains.GetGrain<IStreamGrain>(args.Text(1)).InvokeAsync(g => g.SetIdAsync(request)).ConfigureAwait(false);
        switch (status)
        {
            case StreamSetIdStatus.Ok:
                context.Reply.WriteOk();
                break;
            case StreamSetIdStatus.NoKey:
                context.Reply.WriteError(StreamErrors.NoSuchKey);
                break;
            case StreamSetIdStatus.WrongType:
                context.Reply.WriteError(StreamErrors.WrongType);
                break;
            case StreamSetIdStatus.SmallerThanMaxDeleted:
                context.Reply.WriteError(StreamErrors.SetIdBelowMaxDeleted);
                break;
            case StreamSetIdStatus.SmallerThanTop:
                context.Reply.WriteError(StreamErrors.SetIdBelowTop);
                break;
            default:
                context.Reply.WriteError(StreamErrors.SetIdEntriesAddedTooSmall);
                break;
        }
    }
}
