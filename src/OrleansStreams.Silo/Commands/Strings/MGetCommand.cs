using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>MGET key [key ...]: one value per key; missing keys and keys of other types read as nil.</summary>
public static class MGetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var nowMs = context.NowMs;
        var keyspace = context.Services.Keyspace;
        // The reads go out together; each string key is its own grain.
        var reads = new ValueTask<KeyRead<byte[]?>>?[args.Count - 1];
        for (var i = 1; i < args.Count; i++)
        {
            var key = args.Text(i);
            if (keyspace.TypeOf(key, nowMs) == KeyType.String)
            {
                reads[i - 1] = context.Grains.GetGrain<IStringGrain>(key).InvokeAsync(g => g.GetAsync(nowMs));
            }
        }

        context.Reply.WriteArrayHeader(reads.Length);
        foreach (var pending in reads)
        {
            var value = pending is { } read ? (await read.ConfigureAwait(false)).Value : null;
            GetCommand.WriteValue(context, value);
        }
    }
}
