using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// XADDIF key VERSION n [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT n]] &lt;*|id&gt; field value [...]: XADD
/// that appends only if the stream's version (entries added; 0 for a missing key) is n. Replies as XADD, or
/// VERSIONMISMATCH with the current version and nothing added. The XADD arguments are parsed by XADD's own parser.
/// </summary>
public static class XAddIfCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!ConditionalAdd.TryParseVersion(context, out var version)) return;
        if (!AddTrimParser.TryParse(context.Args, xadd: true, ConditionalAdd.OptionsStart, entriesFollow: false, out var parsed, out var error))
        {
            context.Reply.WriteError(error!);
            return;
        }
        if (!XAddCommand.TryReadEntry(context, parsed, out var fields)) return;
        var request = new StreamConditionalAddRequest(version, [new StreamAppendEntry(parsed.IdMode, parsed.Id, fields)], parsed.Trim, parsed.NoMakeStream, context.NowMs);

        var result = await ConditionalAdd.AddAsync(context, request).ConfigureAwait(false);
        if (result.Status == StreamAddStatus.Added) StreamReplies.WriteId(context.Reply, result.Ids[0]);
        else if (result.Status == StreamAddStatus.VersionMismatch) ConditionalAdd.WriteMismatch(context, version, result.Version);
        else XAddCommand.WriteFailure(context.Reply, result.Status);
    }
}
