namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HSTRLEN key field: the value's length in bytes, 0 when the field or key is missing.</summary>
public static class HStrLenCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!HashKey.TryFind(context, out var grain)) return;
        var length = 0;
        if (grain is not null)
        {
            var field = context.Args.Text(2);
            var nowMs = context.NowMs;
            var read = await grain.InvokeAsync(g => g.GetAsync(field, nowMs)).ConfigureAwait(false);
            if (!HashKey.Check(context, read)) return;
            length = read.Value?.Length ?? 0;
        }
        context.Reply.WriteInteger(length);
    }
}
