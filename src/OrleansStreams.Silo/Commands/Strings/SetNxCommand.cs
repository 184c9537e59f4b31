using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>SETNX key value: 1 when set, 0 when the key (of any type) exists.</summary>
public static class SetNxCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var request = new StringSetRequest(context.Args.ToArray(2), SetCondition.IfMissing, SetExpiryMode.Clear, 0, false, context.NowMs);
        var result = await StringWrites.SetAsync(context, context.Args.Text(1), request).ConfigureAwait(false);
        context.Reply.WriteInteger(result.Status == StringSetStatus.Set ? 1 : 0);
    }
}
