namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HSET key field value [field value ...]: the number of fields added.</summary>
public static class HSetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        // Arity only says "at least 4"; the pairs must also be complete.
        if (context.Args.Count % 2 == 1)
        {
            context.WrongArity();
            return;
        }
        var fields = HashKey.Pairs(context);
        var nowMs = context.NowMs;
        var added = await HashKey.Grain(context).InvokeAsync(g => g.SetAsync(fields, false, nowMs)).ConfigureAwait(false);
        if (HashKey.Check(context, added)) context.Reply.WriteInteger(added.Value);
    }
}
