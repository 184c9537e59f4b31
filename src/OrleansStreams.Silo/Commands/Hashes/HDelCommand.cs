namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HDEL key field [field ...]: the number of fields removed; the key goes with its last field.</summary>
public static class HDelCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!HashKey.TryFind(context, out var grain)) return;
        long removed = 0;
        if (grain is not null)
        {
            var fields = HashKey.Fields(context, 2);
            var nowMs = context.NowMs;
            var read = await grain.InvokeAsync(g => g.DeleteFieldsAsync(fields, nowMs)).ConfigureAwait(false);
            if (!HashKey.Check(context, read)) return;
            removed = read.Value;
        }
        context.Reply.WriteInteger(removed);
    }
}
