using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>GET key: the value, nil when missing, WRONGTYPE for another type.</summary>
public static class GetCommand
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
        var read = await context.Grains.GetGrain<IStringGrain>(key).InvokeAsync(g => g.GetAsync(nowMs)).ConfigureAwait(false);
        if (read.WrongType) context.Reply.WriteError(PlainKeyErrors.WrongType);
        else WriteValue(context, read.Value);
    }

    internal static void WriteValue(CommandContext context, byte[]? value)
    {
        if (value is null) context.Reply.WriteNullBulk();
        else context.Reply.WriteBulk(value);
    }
}
