using OrleansStreams.Silo.Commands.Strings;

namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HGET key field: the value, nil when the field or key is missing.</summary>
public static class HGetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!HashKey.TryFind(context, out var grain)) return;
        if (grain is null)
        {
            context.Reply.WriteNullBulk();
            return;
        }
        var field = context.Args.Text(2);
        var nowMs = context.NowMs;
        var read = await grain.InvokeAsync(g => g.GetAsync(field, nowMs)).ConfigureAwait(false);
        if (HashKey.Check(context, read)) GetCommand.WriteValue(context, read.Value);
    }
}
