using OrleansStreams.Silo.Commands.Strings;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>
/// HINCRBYFLOAT key field increment: unlike INCRBYFLOAT, the increment is checked (and an infinite one refused)
/// before the key's type. The new value is a bulk string in both protocols.
/// </summary>
public static class HIncrByFloatCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!LongDouble.TryParse(context.Args[3], out var delta))
        {
            context.Reply.WriteError(PlainKeyErrors.NotFloat);
            return;
        }
        if (delta.IsInfinity)
        {
            context.Reply.WriteError(PlainKeyErrors.NaNOrInfinity);
            return;
        }
        var field = context.Args.Text(2);
        var nowMs = context.NowMs;
        var result = await HashKey.Grain(context).InvokeAsync(g => g.IncrementFloatAsync(field, delta, nowMs)).ConfigureAwait(false);
        switch (result.Status)
        {
            case NumberUpdateStatus.Ok:
                context.Reply.WriteBulk(result.Text);
                break;
            case NumberUpdateStatus.WrongType:
                context.Reply.WriteError(PlainKeyErrors.WrongType);
                break;
            case NumberUpdateStatus.NotANumber:
                context.Reply.WriteError(PlainKeyErrors.HashNotFloat);
                break;
            default:
                context.Reply.WriteError(PlainKeyErrors.FloatOverflow);
                break;
        }
    }
}
