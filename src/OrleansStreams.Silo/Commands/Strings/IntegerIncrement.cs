using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>What INCR, DECR, INCRBY and DECRBY share once the delta is known (Redis's incrDecrCommand).</summary>
internal static class IntegerIncrement
{
    public static async ValueTask RunAsync(CommandContext context, long delta)
    {
        var key = context.Args.Text(1);
        var nowMs = context.NowMs;
        if (context.Services.Keyspace.TypeOf(key, nowMs) is not (KeyType.None or KeyType.String))
        {
            context.Reply.WriteError(PlainKeyErrors.WrongType);
            return;
        }
        var result = await context.Grains.GetGrain<IStringGrain>(key).InvokeAsync(g => g.IncrementAsync(delta, nowMs)).ConfigureAwait(false);
        switch (result.Status)
        {
            case NumberUpdateStatus.Ok:
                context.Reply.WriteInteger(result.Value);
                break;
            case NumberUpdateStatus.WrongType:
                context.Reply.WriteError(PlainKeyErrors.WrongType);
                break;
            case NumberUpdateStatus.NotANumber:
                context.Reply.WriteError(PlainKeyErrors.NotInteger);
                break;
            default:
                context.Reply.WriteError(PlainKeyErrors.IncrementOverflow);
                break;
        }
    }

    /// <summary>The increment argument; writes the error reply and returns false when it is not an integer.</summary>
    public static bool TryParseDelta(CommandContext context, out long delta)
    {
        if (RedisInteger.TryParse(context.Args[2], out delta)) return true;
        context.Reply.WriteError(PlainKeyErrors.NotInteger);
        return false;
    }
}
