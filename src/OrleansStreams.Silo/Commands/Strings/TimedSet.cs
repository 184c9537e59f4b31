using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>SETEX and PSETEX: SET key value EX/PX time with the time before the value.</summary>
internal static class TimedSet
{
    public static async ValueTask RunAsync(CommandContext context, bool seconds)
    {
        var args = context.Args;
        if (!RedisInteger.TryParse(args[2], out var amount))
        {
            context.Reply.WriteError(PlainKeyErrors.NotInteger);
            return;
        }
        if (!StringWrites.TryResolveExpiry(amount, seconds, relative: true, context.NowMs, out var expiresAtMs))
        {
            context.Reply.WriteError(PlainKeyErrors.InvalidExpireTime(context));
            return;
        }
        var request = new StringSetRequest(args.ToArray(3), SetCondition.Always, SetExpiryMode.At, expiresAtMs, false, context.NowMs);
        await StringWrites.SetAsync(context, args.Text(1), request).ConfigureAwait(false);
        context.Reply.WriteOk();
    }
}
