using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XLEN key: the number of entries, 0 for a missing key.</summary>
public static class XLenCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var nowMs = context.NowMs;
        var result = await context.Grains.GetGrain<IStreamGrain>(context.Args.Text(1)).InvokeAsync(g => g.LengthAsync(nowMs)).ConfigureAwait(false);
        if (result.Status == StreamStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else context.Reply.WriteInteger(result.Value);
    }
}
