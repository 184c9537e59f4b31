using OrleansStreams.Hashes;

namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HGETALL, HKEYS and HVALS: every field in order (Redis's genericHgetallCommand).</summary>
internal static class HashListing
{
    public static async ValueTask RunAsync(CommandContext context, bool names, bool values)
    {
        if (!HashKey.TryFind(context, out var grain)) return;
        HashField[] fields = [];
        if (grain is not null)
        {
            var nowMs = context.NowMs;
            var read = await grain.InvokeAsync(g => g.GetAllAsync(nowMs)).ConfigureAwait(false);
            if (!HashKey.Check(context, read)) return;
            fields = read.Value;
        }

        var reply = context.Reply;
        // Both halves make a map (a flat array in RESP2); one half is a plain array in both protocols.
        if (names && values) reply.WriteMapHeader(fields.Length);
        else reply.WriteArrayHeader(fields.Length);
        foreach (var field in fields)
        {
            if (names) reply.WriteBulk(field.Name);
            if (values) reply.WriteBulk(field.Value);
        }
    }
}
