namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HLEN key: the number of fields, 0 for a missing key.</summary>
public static class HLenCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!HashKey.TryFind(context, out var grain)) return;
        long length = 0;
        if (grain is not null)
        {
            var nowMs = context.NowMs;
            var read = await grain.InvokeAsync(g => g.LengthAsync(nowMs)).ConfigureAwait(false);
            if (!HashKey.Check(context, read)) return;
            length = read.Value;
        }
        context.Reply.WriteInteger(length);
    }
}
