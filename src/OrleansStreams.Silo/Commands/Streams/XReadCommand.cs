using OrleansStreams.Keys;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// XREAD [COUNT n] [BLOCK ms] STREAMS key [key ...] id [id ...]. Each key's ID is resolved once, in key order
/// (WRONGTYPE for the first key of another type): <c>$</c> becomes the stream's last ID then and there, so a
/// blocked reader waits for entries newer than that; <c>+</c> means "the last entry" again at every attempt.
/// A blocked read is re-run whenever one of its keys is signalled, until it serves or times out.
/// </summary>
public static class XReadCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        long? timeoutMs = null;
        long count = 0;
        var streamsAt = 0;
        for (var i = 1; i < args.Count; i++)
        {
            var more = args.Count - i - 1;
            if (args.Is(i, "BLOCK"u8) && more > 0)
            {
                i++;
                if (!TryParseTimeout(context, i, out var timeout)) return;
                timeoutMs = timeout;
            }
            else if (args.Is(i, "COUNT"u8) && more > 0)
            {
                i++;
                if (!RedisInteger.TryParse(args[i], out count))
                {
                    context.Reply.WriteError(StreamErrors.NotInteger);
                    return;
                }
                if (count < 0) count = 0;
            }
            else if (args.Is(i, "STREAMS"u8) && more > 0)
            {
                streamsAt = i + 1;
                if ((args.Count - streamsAt) % 2 != 0)
                {
                    context.Reply.WriteError(StreamErrors.ReadUnbalanced);
                    return;
                }
                break;
            }
            else if (args.Is(i, "GROUP"u8) && more >= 2)
            {
                context.Reply.WriteError(StreamErrors.ReadGroupOption);
                return;
            }
            else if (args.Is(i, "NOACK"u8))
            {
                context.Reply.WriteError(StreamErrors.ReadNoAckOption);
                return;
            }
            else
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return;
            }
        }
        if (streamsAt == 0)
        {
            context.Reply.WriteError(StreamErrors.Syntax);
            return;
        }

        var keyCount = (args.Count - streamsAt) / 2;
        var keys = new string[keyCount];
        for (var k = 0; k < keyCount; k++) keys[k] = args.Text(streamsAt + k);
        var read = new XReadOperation(context, keys, streamsAt + keyCount, count);
        var served = await BlockingCommand.RunAsync(context, keys, timeoutMs, read.AttemptAsync).ConfigureAwait(false);
        if (!served) context.Reply.WriteNullArray();
    }

    /// <summary>BLOCK's timeout as Redis's getTimeoutFromObjectOrReply checks it, in milliseconds.</summary>
    private static bool TryParseTimeout(CommandContext context, int index, out long timeoutMs)
    {
        if (!RedisInteger.TryParse(context.Args[index], out timeoutMs))
        {
            context.Reply.WriteError(StreamErrors.TimeoutNotInteger);
            return false;
        }
        if (timeoutMs < 0)
        {
            context.Reply.WriteError(StreamErrors.TimeoutNegative);
            return false;
        }
        if (timeoutMs > 0 && timeoutMs > long.MaxValue - context.NowMs)
        {
            context.Reply.WriteError(StreamErrors.TimeoutOutOfRange);
            return false;
        }
        return true;
    }
}
