using OrleansStreams.Keys;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// What every XGROUP subcommand with a key does first, in Redis's order: read the options from argument 5 on
/// (MKSTREAM for CREATE, ENTRIESREAD for CREATE and SETID, anything else a subcommand syntax error), then look the
/// key up (WRONGTYPE; a missing key needs MKSTREAM).
/// </summary>
internal readonly record struct XGroupOptions(bool MakeStream, long EntriesRead, KeyType KeyType)
{
    /// <summary>entries_read when ENTRIESREAD is not given: unknown.</summary>
    public const long UnknownEntriesRead = -1;

    public static bool TryParse(CommandContext context, bool create, bool setId, out XGroupOptions options)
    {
        var args = context.Args;
        options = default;
        var makeStream = false;
        var entriesRead = UnknownEntriesRead;
        for (var i = 5; i < args.Count;)
        {
            if (create && args.Is(i, "MKSTREAM"u8))
            {
                makeStream = true;
                i++;
            }
            else if ((create || setId) && args.Is(i, "ENTRIESREAD"u8) && i + 1 < args.Count)
            {
                if (!RedisInteger.TryParse(args[i + 1], out entriesRead))
                {
                    context.Reply.WriteError(StreamErrors.NotInteger);
                    return false;
                }
                if (entriesRead < 0 && entriesRead != UnknownEntriesRead)
                {
                    context.Reply.WriteError(GroupErrors.EntriesReadNegative);
                    return false;
                }
                i += 2;
            }
            else
            {
                WriteSyntaxError(context);
                return false;
            }
        }

        var type = context.Services.Keyspace.TypeOf(args.Text(2), context.NowMs);
        if (type is not (KeyType.None or KeyType.Stream))
        {
            context.Reply.WriteError(StreamErrors.WrongType);
            return false;
        }
        if (type == KeyType.None && !makeStream)
        {
            context.Reply.WriteError(GroupErrors.RequiresKey);
            return false;
        }
        options = new XGroupOptions(makeStream, entriesRead, type);
        return true;
    }

    public static void WriteSyntaxError(CommandContext context)
        => GroupErrors.WriteSubcommandSyntax(context.Reply, context.Args.Text(0), context.Args.Text(1));
}
