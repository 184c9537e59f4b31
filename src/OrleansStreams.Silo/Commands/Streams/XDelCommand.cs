using OrleansStreams.Keys;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XDEL key id [id ...]: the key is looked up first, so a missing key answers 0 without checking the IDs.</summary>
public static class XDelCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var key = args.Text(1);
        switch (context.Services.Keyspace.TypeOf(key, context.NowMs))
        {
            case KeyType.None:
                context.Reply.WriteInteger(0);
                return;
            case not KeyType.Stream:
                context.Reply.WriteError(StreamErrors.WrongType);
                return;
        }
        var ids = new StreamId[args.Count - 2];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!StreamIdParser.TryParseStrict(args[i + 2], 0, out ids[i]))
            {
                context.Reply.WriteError(StreamErrors.InvalidId);
                return;
            }
        }
        var nowMs = context.NowMs;
        var result = await context.Grains.GetGrain<IStreamGrain>(key).InvokeAsync(g => g.DeleteEntriesAsync(ids, nowMs)).ConfigureAwait(false);
        if (result.Status == StreamStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else context.Reply.WriteInteger(result.Value);
    }
}
