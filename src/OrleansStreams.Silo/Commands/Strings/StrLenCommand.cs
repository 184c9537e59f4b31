using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>STRLEN key: the value's length in bytes, 0 when missing.</summary>
public static class StrLenCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var key = context.Args.Text(1);
        var nowMs = context.NowMs;
        switch (context.Services.Keyspace.TypeOf(key, nowMs))
        {
            case KeyType.None:
                context.Reply.WriteInteger(0);
                return;
            case KeyType.String:
                break;
            default:
                context.Reply.WriteError(PlainKeyErrors.WrongType);
                return;
        }
        var read = await context.Grains.GetGrain<IStringGrain>(key).InvokeAsync(g => g.GetAsync(nowMs)).ConfigureAwait(false);
        if (read.WrongType) context.Reply.WriteError(PlainKeyErrors.WrongType);
        else context.Reply.WriteInteger(read.Value?.Length ?? 0);
    }
}
