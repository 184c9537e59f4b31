using OrleansStreams.Protocol;
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
        if (!TryReadEntry(context, parsed, out var fields)) return;
        var request = new StreamAddRequest(parsed.IdMode, parsed.Id, fields, parsed.Trim, parsed.NoMakeStream, context.NowMs);

        var result = await context.Services.StreamAppends.AddAsync(args.Text(1), request).ConfigureAwait(false);
        if (result.Status == StreamAddStatus.Added) StreamReplies.WriteId(context.Reply, result.Id);
        else WriteFailure(context.Reply, result.Status);
    }

    /// <summary>
    /// The field-value pairs after the ID at <see cref="AddTrimArguments.IdIndex"/>: replies and returns false for a
    /// wrong count or the ID 0-0 (checked before the key lookup, so it wins over WRONGTYPE and creates nothing).
    /// </summary>
    internal static bool TryReadEntry(CommandContext context, in AddTrimArguments parsed, out StreamFields fields)
    {
        fields = null!;
        var args = context.Args;
        var firstField = parsed.IdIndex + 1;
        var items = args.Count - firstField;
        if (items < 2 || items % 2 == 1)
        {
            context.WrongArity();
            return false;
        }
        if (parsed.IdMode == StreamIdMode.Explicit && parsed.Id.IsZero)
        {
            context.Reply.WriteError(StreamErrors.AddIdZero);
            return false;
        }
        fields = ReadFields(args, firstField, items / 2);
        return true;
    }

    /// <summary>Copies <paramref name="pairs"/> field-value pairs starting at argument <paramref name="first"/>.</summary>
    internal static StreamFields ReadFields(CommandArguments args, int first, int pairs)
    {
        var bytes = 0L;
        for (var i = first; i < first + (2 * pairs); i++) bytes += args[i].Length + 5;
        var fields = new StreamFields(pairs, (int)Math.Min(bytes, Array.MaxLength));
        for (var i = first; i < first + (2 * pairs); i++) fields.Add(args[i]);
        return fields;
    }

    /// <summary>The reply for an XADD that added nothing.</summary>
    internal static void WriteFailure(RespWriter reply, StreamAddStatus status)
    {
        switch (status)
        {
            case StreamAddStatus.NoStream:
                reply.WriteNullBulk();
                break;
            case StreamAddStatus.WrongType:
                reply.WriteError(StreamErrors.WrongType);
                break;
            case StreamAddStatus.IdExhausted:
                reply.WriteError(StreamErrors.AddIdExhausted);
                break;
            case StreamAddStatus.IdNotGreater:
                reply.WriteError(StreamErrors.AddIdNotGreater);
                break;
            default:
                reply.WriteError(StreamErrors.AddTooLarge);
                break;
        }
    }
}
