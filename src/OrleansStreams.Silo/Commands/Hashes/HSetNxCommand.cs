namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HSETNX key field value: 1 when the field was added, 0 when it already existed.</summary>
public static class HSetNxCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var fields = HashKey.Pairs(context);
        var nowMs = context.NowMs;
        var added = await HashKey.Grain(context).InvokeAsync(g => g.SetAsync(fields, true, nowMs)).ConfigureAwait(false);
        if (HashKey.Check(context, added)) context.Reply.WriteInteger(added.Value);
    }
}
