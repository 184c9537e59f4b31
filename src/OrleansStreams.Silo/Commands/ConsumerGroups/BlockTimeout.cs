using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>BLOCK's timeout as Redis's getTimeoutFromObjectOrReply checks it, in milliseconds (XREAD's rules).</summary>
internal static class BlockTimeout
{
    public static bool TryParse(CommandContext context, int index, out long timeoutMs)
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
