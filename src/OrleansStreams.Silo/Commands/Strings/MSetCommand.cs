using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>MSET key value [key value ...]: sets each key in turn, replacing keys of any type; always OK.</summary>
public static class MSetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        // Arity only says "at least 3"; the pairs must also be complete.
        if (args.Count % 2 == 0)
        {
            context.WrongArity();
            return;
        }
        for (var i = 1; i < args.Count; i += 2)
        {
            var request = new StringSetRequest(args.ToArray(i + 1), SetCondition.Always, SetExpiryMode.Clear, 0, false, context.NowMs);
            await StringWrites.SetAsync(context, args.Text(i), request).ConfigureAwait(false);
        }
        context.Reply.WriteOk();
    }
}
