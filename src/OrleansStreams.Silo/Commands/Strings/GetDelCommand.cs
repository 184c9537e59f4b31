using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>GETDEL key: the value, and the key is deleted; nil when missing, WRONGTYPE for another type.</summary>
public static class GetDelCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var key = context.Args.Text(1);
        var nowMs = context.NowMs;
        switch (context.Services.Keyspace.TypeOf(key, nowMs))
        {
            case KeyType.None:
                context.Reply.WriteNullBulk();
                return;
            case KeyType.String:
                break;
            default:
                context.Reply.WriteError(PlainKeyErrors.WrongType);
                return;
        }
        var read = await context.Grains.GetGrain<IStringGrain>(key).InvokeAsync(g => g.GetDeleteAsync(nowMs)).ConfigureAwait(false);
        if (read.WrongType) context.Reply.WriteError(PlainKeyErrors.WrongType);
        else GetCommand.WriteValue(context, read.Value);
    }
}
