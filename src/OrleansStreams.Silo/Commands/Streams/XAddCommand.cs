using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT n]] &lt;*|id&gt; field value [field value ...]</summary>
public static class XAddCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!AddTrimParser.TryParse(args, xadd: true, out var parsed, out var error))
        {
            context.Reply.WriteError(error!);
            return;
        }
        var firstField = parsed.IdIndex + 1;
        var items = args.Count - firstField;
        if (items < 2 || items % 2 == 1)
        {
            context.WrongArity();
            return;
        }
        // Checked before the key lookup, so it wins over WRONGTYPE and creates nothing.
        if (parsed.IdMode == StreamIdMode.Explicit && parsed.Id.IsZero)
        {
            context.Reply.WriteError(StreamErrors.AddIdZero);
            return;
        }

        var bytes = 0L;
        for (var i = firstField; i < args.Count; i++) bytes += args[i].Length + 5;
        var fields = new StreamFields(items / 2, (int)Math.Min(bytes, Array.MaxLength));
        for (var i = firstField; i < args.Count; i++) fields.Add(args[i]);
        var request = new StreamAddRequest(parsed.IdMode, parsed.Id, fields, parsed.Trim, parsed.NoMakeStream, context.NowMs);

        var result = await context.Services.StreamAppends.AddAsync(args.Text(1), request).ConfigureAwait(false);
        switch (result.Status)
        {
            case StreamAddStatus.Added:
                StreamReplies.WriteId(context.Reply, result.Id);
                break;
            case StreamAddStatus.NoStream:
                context.Reply.WriteNullBulk();
                break;
            case StreamAddStatus.WrongType:
                context.Reply.WriteError(StreamErrors.WrongType);
                break;
            case StreamAddStatus.IdExhausted:
                context.Reply.WriteError(StreamErrors.AddIdExhausted);
                break;
            case StreamAddStatus.IdNotGreater:
                context.Reply.WriteError(StreamErrors.AddIdNotGreater);
                break;
            default:
                context.Reply.WriteError(StreamErrors.AddTooLarge);
                break;
        }
    }
}
