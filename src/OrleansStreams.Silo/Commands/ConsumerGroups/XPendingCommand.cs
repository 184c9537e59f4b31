using OrleansStreams.ConsumerGroups;
using OrleansStreams.Protocol;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XPENDING key group [[IDLE min-idle] start end count [consumer]]. Every argument is parsed before the key is looked
/// at, in Redis's order (IDLE, count, start, end), so a syntax error wins over WRONGTYPE and NOGROUP.
/// </summary>
public static class XPendingCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var key = args.Text(1);
        var groupName = args.Text(2);
        if (args.Count != 3 && (args.Count < 6 || args.Count > 9))
        {
            context.Reply.WriteError(StreamErrors.Syntax);
            return;
        }

        var grain = GroupGrains.Get(context, key, groupName);
        var nowMs = context.NowMs;
        if (args.Count == 3)
        {
            var summary = await grain.InvokeAsync(g => g.GetPendingSummaryAsync(nowMs)).ConfigureAwait(false);
            if (summary.Status == ConsumerGroupStatus.Ok) WriteSummary(context.Reply, summary);
            else WriteFailure(context, key, groupName, summary.Status);
            return;
        }

        if (!TryParseRange(context, out var request)) return;
        var range = await grain.InvokeAsync(g => g.GetPendingRangeAsync(request)).ConfigureAwait(false);
        if (range.Status != ConsumerGroupStatus.Ok)
        {
            WriteFailure(context, key, groupName, range.Status);
            return;
        }
        var reply = context.Reply;
        reply.WriteArrayHeader(range.Entries.Count);
        foreach (var entry in range.Entries)
        {
            reply.WriteArrayHeader(4);
            StreamReplies.WriteId(reply, entry.Id);
            reply.WriteBulk(entry.Consumer);
            reply.WriteInteger(entry.IdleMs);
            reply.WriteInteger(entry.DeliveryCount);
        }
    }

    private static bool TryParseRange(CommandContext context, out PendingRangeRequest request)
    {
        var args = context.Args;
        request = null!;
        var startIndex = 3;
        long minIdle = 0;
        if (args.Is(3, "IDLE"u8))
        {
            if (!RedisInteger.TryParse(args[4], out minIdle))
            {
                context.Reply.WriteError(StreamErrors.NotInteger);
                return false;
            }
            // IDLE takes two arguments, and start, end and count must still follow.
            if (args.Count < 8)
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return false;
            }
            startIndex += 2;
        }
        if (!RedisInteger.TryParse(args[startIndex + 2], out var count))
        {
            context.Reply.WriteError(StreamErrors.NotInteger);
            return false;
        }
        if (count < 0) count = 0;

        if (!StreamIdParser.TryParseInterval(args[startIndex], 0, out var start, out var startExclusive))
        {
            context.Reply.WriteError(StreamErrors.InvalidId);
            return false;
        }
        if (startExclusive && !start.TryIncrement(out start))
        {
            context.Reply.WriteError(StreamErrors.InvalidStartId);
            return false;
        }
        if (!StreamIdParser.TryParseInterval(args[startIndex + 1], ulong.MaxValue, out var end, out var endExclusive))
        {
            context.Reply.WriteError(StreamErrors.InvalidId);
            return false;
        }
        if (endExclusive && !end.TryDecrement(out end))
        {
            context.Reply.WriteError(StreamErrors.InvalidEndId);
            return false;
        }

        // Anything after the consumer name is ignored, as in Redis.
        var consumer = startIndex + 3 < args.Count ? args.Text(startIndex + 3) : null;
        request = new PendingRangeRequest(start, end, count, minIdle, consumer, context.NowMs);
        return true;
    }

    private static void WriteSummary(RespWriter reply, PendingSummary summary)
    {
        reply.WriteArrayHeader(4);
        reply.WriteInteger(summary.Count);
        if (summary.Count == 0)
        {
            reply.WriteNullBulk();
            reply.WriteNullBulk();
            reply.WriteNullArray();
            return;
        }
        StreamReplies.WriteId(reply, summary.Smallest);
        StreamReplies.WriteId(reply, summary.Greatest);
        reply.WriteArrayHeader(summary.Consumers.Count);
        foreach (var consumer in summary.Consumers)
        {
            reply.WriteArrayHeader(2);
            reply.WriteBulk(consumer.Consumer);
            // A bulk string, not an integer, in Redis's reply.
            reply.WriteBulk(consumer.Count);
        }
    }

    private static void WriteFailure(CommandContext context, string key, string group, ConsumerGroupStatus status)
    {
        if (status == ConsumerGroupStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else GroupErrors.WriteNoKeyOrGroup(context.Reply, key, group);
    }
}
