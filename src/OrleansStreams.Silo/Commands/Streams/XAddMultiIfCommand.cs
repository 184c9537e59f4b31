using OrleansStreams.Strings;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// XADDMULTIIF key VERSION n [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT n]] ENTRIES count
/// &lt;*|id&gt; npairs field value [...] [&lt;*|id&gt; npairs field value [...] ...]: appends several entries, in
/// order, all or none, under one expected version: one grain turn and one journal write. Replies the array of IDs
/// (null with NOMKSTREAM on a missing key), VERSIONMISMATCH with the current version, or XADD's error for the first
/// entry that cannot be added (then none is). Trimming applies once, after the last entry.
/// </summary>
public static class XAddMultiIfCommand
{
    public const string EntriesCount = "ERR ENTRIES count must be > 0";
    public const string PairsCount = "ERR the number of field-value pairs of an entry must be > 0";

    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!ConditionalAdd.TryParseVersion(context, out var version)) return;
        if (!AddTrimParser.TryParse(args, xadd: true, ConditionalAdd.OptionsStart, entriesFollow: true, out var parsed, out var error))
        {
            context.Reply.WriteError(error!);
            return;
        }
        if (!TryReadEntries(context, parsed.IdIndex, out var entries)) return;
        var request = new StreamConditionalAddRequest(version, entries, parsed.Trim, parsed.NoMakeStream, context.NowMs);

        var result = await ConditionalAdd.AddAsync(context, request).ConfigureAwait(false);
        switch (result.Status)
        {
            case StreamAddStatus.Added:
                context.Reply.WriteArrayHeader(result.Ids.Length);
                foreach (var id in result.Ids) StreamReplies.WriteId(context.Reply, id);
                break;
            case StreamAddStatus.VersionMismatch:
                ConditionalAdd.WriteMismatch(context, version, result.Version);
                break;
            case StreamAddStatus.NoStream:
                context.Reply.WriteNullArray();
                break;
            default:
                XAddCommand.WriteFailure(context.Reply, result.Status);
                break;
        }
    }

    /// <summary>ENTRIES count, then each entry; every argument must be used up exactly.</summary>
    private static bool TryReadEntries(CommandContext context, int entriesAt, out List<StreamAppendEntry> entries)
    {
        var args = context.Args;
        entries = [];
        // No ENTRIES at all: the arguments end in options.
        if (entriesAt + 1 >= args.Count)
        {
            context.Reply.WriteError(StreamErrors.Syntax);
            return false;
        }
        if (!RedisInteger.TryParse(args[entriesAt + 1], out var count))
        {
            context.Reply.WriteError(StreamErrors.NotInteger);
            return false;
        }
        // Each entry takes at least 4 arguments, which bounds count before anything is allocated for it.
        if (count <= 0 || count > (args.Count - entriesAt - 2) / 4)
        {
            context.Reply.WriteError(count <= 0 ? EntriesCount : StreamErrors.Syntax);
            return false;
        }

        var i = entriesAt + 2;
        for (var e = 0; e < count; e++)
        {
            if (args.Count - i < 4)
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return false;
            }
            var idMode = StreamIdMode.Auto;
            var id = StreamId.Zero;
            if (!(args[i].Length == 1 && args[i][0] == (byte)'*'))
            {
                if (!StreamIdParser.TryParseForAdd(args[i], out id, out var seqGiven))
                {
                    context.Reply.WriteError(StreamErrors.InvalidId);
                    return false;
                }
                idMode = seqGiven ? StreamIdMode.Explicit : StreamIdMode.AutoSequence;
                if (idMode == StreamIdMode.Explicit && id.IsZero)
                {
                    context.Reply.WriteError(StreamErrors.AddIdZero);
                    return false;
                }
            }
            if (!RedisInteger.TryParse(args[i + 1], out var pairs))
            {
                context.Reply.WriteError(StreamErrors.NotInteger);
                return false;
            }
            if (pairs <= 0)
            {
                context.Reply.WriteError(PairsCount);
                return false;
            }
            if (pairs > (args.Count - i - 2) / 2)
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return false;
            }
            entries.Add(new StreamAppendEntry(idMode, id, XAddCommand.ReadFields(args, i + 2, (int)pairs)));
            i += 2 + (2 * (int)pairs);
        }
        if (i != args.Count)
        {
            context.Reply.WriteError(StreamErrors.Syntax);
            return false;
        }
        return true;
    }
}
