using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT n]: options first, so syntax errors win over a missing key.</summary>
public static class XTrimCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!AddTrimParser.TryParse(context.Args, xadd: false, out var parsed, out var error))
        {
            context.Reply.WriteError(error!);
            return;
        }
        var nowMs = context.NowMs;
        var trim = parsed.Trim;
        var result = await context.Grains.GetGrain<IStreamGrain>(context.Args.Text(1)).InvokeAsync(g => g.TrimAsync(trim, nowMs)).ConfigureAwait(false);
        if (result.Status == StreamStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else context.Reply.WriteInteger(result.Value);
    }
}
