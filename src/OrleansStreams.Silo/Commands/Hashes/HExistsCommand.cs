namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HEXISTS key field: 1 or 0.</summary>
public static class HExistsCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!HashKey.TryFind(context, out var grain)) return;
        var exists = false;
        if (grain is not null)
        {
            var field = context.Args.Text(2);
            var nowMs = context.NowMs;
            var read = await grain.InvokeAsync(g => g.ExistsAsync(field, nowMs)).ConfigureAwait(false);
            if (!HashKey.Check(context, read)) return;
            exists = read.Value;
        }
        context.Reply.WriteInteger(exists ? 1 : 0);
    }
}
