using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>GETSET key value: SET key value GET (the old value, WRONGTYPE for another type, the TTL cleared).</summary>
public static class GetSetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var request = new StringSetRequest(context.Args.ToArray(2), SetCondition.Always, SetExpiryMode.Clear, 0, true, context.NowMs);
        var result = await StringWrites.SetAsync(context, context.Args.Text(1), request).ConfigureAwait(false);
        if (result.Status == StringSetStatus.WrongType) context.Reply.WriteError(PlainKeyErrors.WrongType);
        else GetCommand.WriteValue(context, result.OldValue);
    }
}
