using OrleansStreams.ConsumerGroups;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-ms] [RETRYCOUNT n] [FORCE] [JUSTID]
/// [LASTID id]. Redis looks the key and group up before parsing, so WRONGTYPE and NOGROUP win over argument errors:
/// on an argument error the group is checked first. IDs are taken while they parse; the first token that does not
/// starts the options.
/// </summary>
public static class XClaimCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var key = args.Text(1);
        var groupName = args.Text(2);
        var grain = GroupGrains.Get(context, key, groupName);
        var nowMs = context.NowMs;

        if (!TryParse(context, out var request, out var error))
        {
            var status = await grain.InvokeAsync(g => g.ExistsAsync(nowMs)).ConfigureAwait(false);
            if (status == ConsumerGroupStatus.Ok) error(context);
            else WriteFailure(context, key, groupName, status);
            return;
        }

        var result = await grain.InvokeAsync(g => g.ClaimAsync(request)).ConfigureAwait(false);
        if (result.Status != ConsumerGroupStatus.Ok)
        {
            WriteFailure(context, key, groupName, result.Status);
            return;
        }
        var reply = context.Reply;
        if (request.JustId)
        {
            reply.WriteArrayHeader(result.Ids.Count);
            foreach (var id in result.Ids) StreamReplies.WriteId(reply, id);
        }
        else
        {
            StreamReplies.WriteEntries(reply, result.Entries);
        }
    }

    /// <summary>Parses everything; on failure <paramref name="error"/> writes the error to send if the group exists.</summary>
    private static bool TryParse(CommandContext context, out ClaimRequest request, out Action<CommandContext> error)
    {
        var args = context.Args;
        var nowMs = context.NowMs;
        request = null!;
        error = null!;
        if (!RedisInteger.TryParse(args[4], out var minIdle))
        {
            error = static c => c.Reply.WriteError(GroupErrors.ClaimMinIdle);
            return false;
        }
        if (minIdle < 0) minIdle = 0;

        var ids = new List<StreamId>();
        var i = 5;
        for (; i < args.Count && StreamIdParser.TryParseStrict(args[i], 0, out var id); i++) ids.Add(id);

        long? deliveryTime = null;
        long? retryCount = null;
        StreamId? lastId = null;
        bool force = false, justId = false;
        for (; i < args.Count; i++)
        {
            var more = args.Count - 1 - i;
            if (args.Is(i, "FORCE"u8))
            {
                force = true;
            }
            else if (args.Is(i, "JUSTID"u8))
            {
                justId = true;
            }
            else if (args.Is(i, "IDLE"u8) && more > 0)
            {
                if (!RedisInteger.TryParse(args[++i], out var idle))
                {
                    error = static c => c.Reply.WriteError(GroupErrors.ClaimIdle);
                    return false;
                }
                deliveryTime = unchecked(nowMs - idle);
            }
            else if (args.Is(i, "TIME"u8) && more > 0)
            {
                if (!RedisInteger.TryParse(args[++i], out var time))
                {
                    error = static c => c.Reply.WriteError(GroupErrors.ClaimTime);
                    return false;
                }
                deliveryTime = time;
            }
            else if (args.Is(i, "RETRYCOUNT"u8) && more > 0)
            {
                if (!RedisInteger.TryParse(args[++i], out var retry))
                {
                    error = static c => c.Reply.WriteError(GroupErrors.ClaimRetryCount);
                    return false;
                }
                retryCount = retry;
            }
            else if (args.Is(i, "LASTID"u8) && more > 0)
            {
                if (!StreamIdParser.TryParseStrict(args[++i], 0, out var last))
                {
                    error = static c => c.Reply.WriteError(StreamErrors.InvalidId);
                    return false;
                }
                lastId = last;
            }
            else
            {
                var option = args.Text(i);
                error = c => GroupErrors.WriteUnrecognizedClaimOption(c.Reply, option);
                return false;
            }
        }

        request = new ClaimRequest(args.Text(3), minIdle, [.. ids], deliveryTime, retryCount, force, justId, lastId, nowMs);
        return true;
    }

    private static void WriteFailure(CommandContext context, string key, string group, ConsumerGroupStatus status)
    {
        if (status == ConsumerGroupStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else GroupErrors.WriteNoKeyOrGroup(context.Reply, key, group);
    }
}
