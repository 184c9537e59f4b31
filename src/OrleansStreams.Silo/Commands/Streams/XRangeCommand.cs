using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XRANGE key start end [COUNT n]; XREVRANGE shares it with the bounds swapped.</summary>
public static class XRangeCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => ExecuteAsync(context, reverse: false);

    internal static async ValueTask ExecuteAsync(CommandContext context, bool reverse)
    {
        var args = context.Args;
        if (!TryParseBounds(context, startIndex: reverse ? 3 : 2, endIndex: reverse ? 2 : 3, out var start, out var end)) return;
        long count = -1;
        for (var i = 4; i < args.Count; i++)
        {
            if (args.Is(i, "COUNT"u8) && i + 1 < args.Count)
            {
                if (!RedisInteger.TryParse(args[i + 1], out count))
                {
                    context.Reply.WriteError(StreamErrors.NotInteger);
                    return;
                }
                if (count < 0) count = 0;
                i++;
            }
            else
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return;
            }
        }

        var stream = context.Grains.GetGrain<IStreamGrain>(args.Text(1));
        var nowMs = context.NowMs;
        if (count == 0)
        {
            // An existing key answers COUNT 0 with a null array; a missing one still with an empty array.
            var length = await stream.InvokeAsync(g => g.LengthAsync(nowMs)).ConfigureAwait(false);
            if (length.Status == StreamStatus.Ok) context.Reply.WriteNullArray();
            else WriteMissing(context, length.Status);
            return;
        }
        var result = await stream.InvokeAsync(g => g.RangeAsync(start, end, Math.Max(count, 0), reverse, nowMs)).ConfigureAwait(false);
        if (result.Status == StreamStatus.Ok) StreamReplies.WriteEntries(context.Reply, result.Entries);
        else WriteMissing(context, result.Status);
    }

    private static void WriteMissing(CommandContext context, StreamStatus status)
    {
        if (status == StreamStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else context.Reply.WriteArrayHeader(0);
    }

    /// <summary>Parses start then end (Redis's order, errors included): <c>-</c>, <c>+</c>, incomplete IDs and exclusive <c>(</c> bounds.</summary>
    private static bool TryParseBounds(CommandContext context, int startIndex, int endIndex, out StreamId start, out StreamId end)
    {
        var args = context.Args;
        end = default;
        if (!StreamIdParser.TryParseInterval(args[startIndex], 0, out start, out var startExclusive))
        {
            context.Reply.WriteError(StreamErrors.InvalidId);
            return false;
        }
        if (startExclusive && !start.TryIncrement(out start))
        {
            context.Reply.WriteError(StreamErrors.InvalidStartId);
            return false;
        }
        if (!StreamIdParser.TryParseInterval(args[endIndex], ulong.MaxValue, out end, out var endExclusive))
        {
            context.Reply.WriteError(StreamErrors.InvalidId);
            return false;
        }
        if (endExclusive && !end.TryDecrement(out end))
        {
            context.Reply.WriteError(StreamErrors.InvalidEndId);
            return false;
        }
        return true;
    }
}
