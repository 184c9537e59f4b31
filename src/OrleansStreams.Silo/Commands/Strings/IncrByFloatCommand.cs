using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>
/// INCRBYFLOAT key increment, in long double arithmetic. The type is checked before the increment, as in Redis;
/// the new value is replied as a bulk string in RESP2 and RESP3 alike.
/// </summary>
public static class IncrByFloatCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var key = context.Args.Text(1);
        var nowMs = context.NowMs;
        if (context.Services.Keyspace.TypeOf(key, nowMs) is not (KeyType.None or KeyType.String))
        {
            context.Reply.WriteError(PlainKeyErrors.WrongType);
            return;
        }
        if (!LongDouble.TryParse(context.Args[2], out var delta))
        {
            context.Reply.WriteError(PlainKeyErrors.NotFloat);
            return;
        }
        var result = await context.Grains.GetGrain<IStringGrain>(key).InvokeAsync(g => g.IncrementFloatAsync(delta, nowMs)).ConfigureAwait(false);
        switch (result.Status)
        {
            case NumberUpdateStatus.Ok:
                context.Reply.WriteBulk(result.Text);
                break;
            case NumberUpdateStatus.WrongType:
                context.Reply.WriteError(PlainKeyErrors.WrongType);
                break;
            case NumberUpdateStatus.NotANumber:
                context.Reply.WriteError(PlainKeyErrors.NotFloat);
                break;
            default:
                context.Reply.WriteError(PlainKeyErrors.FloatOverflow);
                break;
        }
    }
}
