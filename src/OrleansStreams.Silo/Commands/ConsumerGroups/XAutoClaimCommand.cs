using OrleansStreams.ConsumerGroups;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XAUTOCLAIM key group consumer min-idle-time start [COUNT n] [JUSTID]. Parsed before the key is looked at; the
/// reply is always [next cursor, claimed entries (or IDs), IDs dropped because their entries are gone].
/// </summary>
public static class XAutoClaimCommand
{
    private const long DefaultCount = 100;

    // COUNT × 10 attempts and COUNT IDs must fit: Redis caps COUNT at LONG_MAX / max(sizeof(streamID), 10).
    private const long MaxCount = long.MaxValue / 16;

    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!RedisInteger.TryParse(args[4], out var minIdle))
        {
            context.Reply.WriteError(GroupErrors.AutoClaimMinIdle);
            return;
        }
        if (minIdle < 0) minIdle = 0;

        if (!StreamIdParser.TryParseInterval(args[5], 0, out var start, out var exclusive))
        {
            context.Reply.WriteError(StreamErrors.InvalidId);
            return;
        }
        if (exclusive && !start.TryIncrement(out start))
        {
            context.Reply.WriteError(StreamErrors.InvalidStartId);
            return;
        }

        var count = DefaultCount;
        var justId = false;
        for (var i = 6; i < args.Count; i++)
        {
            if (args.Is(i, "COUNT"u8) && i + 1 < args.Count)
            {
                if (!RedisInteger.TryParse(args[++i], out count) || count < 1 || count > MaxCount)
                {
                    context.Reply.WriteError(GroupErrors.AutoClaimCount);
                    return;
                }
            }
            else if (args.Is(i, "JUSTID"u8))
            {
                justId = true;
            }
            else
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return;
            }
        }

        var key = args.Text(1);
        var groupName = args.Text(2);
        var request = new AutoClaimRequest(args.Text(3), minIdle, start, count, justId, context.NowMs);
        var result = await GroupGrains.Get(context, key, groupName).InvokeAsync(g => g.AutoClaimAsync(request)).ConfigureAwait(false);
        if (result.Status == ConsumerGroupStatus.WrongType)
        {
            context.Reply.WriteError(StreamErrors.WrongType);
            return;
        }
        if (result.Status != ConsumerGroupStatus.Ok)
        {
            GroupErrors.WriteNoKeyOrGroup(context.Reply, key, groupName);
            return;
        }

        var reply = context.Reply;
        reply.WriteArrayHeader(3);
        StreamReplies.WriteId(reply, result.NextCursor);
        if (justId)
        {
            reply.WriteArrayHeader(result.Ids.Count);
            foreach (var id in result.Ids) StreamReplies.WriteId(reply, id);
        }
        else
        {
            StreamReplies.WriteEntries(reply, result.Entries);
        }
        reply.WriteArrayHeader(result.DeletedIds.Count);
        foreach (var id in result.DeletedIds) StreamReplies.WriteId(reply, id);
    }
}
