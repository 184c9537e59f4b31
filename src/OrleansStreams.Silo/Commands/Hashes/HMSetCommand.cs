namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HMSET key field value [field value ...]: HSET that replies OK (still used by clients such as StackExchange.Redis).</summary>
public static class HMSetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (context.Args.Count % 2 == 1)
        {
            context.WrongArity();
            return;
        }
        var fields = HashKey.Pairs(context);
        var nowMs = context.NowMs;
        var added = await HashKey.Grain(context).InvokeAsync(g => g.SetAsync(fields, false, nowMs)).ConfigureAwait(false);
        if (HashKey.Check(context, added)) context.Reply.WriteOk();
    }
}
