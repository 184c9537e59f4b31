using OrleansStreams.Silo.Commands.Strings;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HINCRBY key field increment: the increment is checked first, then the key's type, then the field's value.</summary>
public static class HIncrByCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!RedisInteger.TryParse(context.Args[3], out var delta))
        {
            context.Reply.WriteError(PlainKeyErrors.NotInteger);
            return;
        }
        var field = context.Args.Text(2);
        var nowMs = context.NowMs;
        var result = await HashKey.Grain(context).InvokeAsync(g => g.IncrementAsync(field, delta, nowMs)).ConfigureAwait(false);
        switch (result.Status)
        {
            case NumberUpdateStatus.Ok:
                context.Reply.WriteInteger(result.Value);
                break;
            case NumberUpdateStatus.WrongType:
                context.Reply.WriteError(PlainKeyErrors.WrongType);
                break;
            case NumberUpdateStatus.NotANumber:
                context.Reply.WriteError(PlainKeyErrors.HashNotInteger);
                break;
            default:
                context.Reply.WriteError(PlainKeyErrors.IncrementOverflow);
                break;
        }
    }
}
