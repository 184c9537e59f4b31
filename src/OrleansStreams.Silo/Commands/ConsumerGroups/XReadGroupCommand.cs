using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XREADGROUP GROUP group consumer [COUNT n] [BLOCK ms] [NOACK] STREAMS key [key ...] id [id ...]. Options are
/// parsed first; then each key in order must hold the group and carry a usable ID; only then is each key served.
/// It blocks only when every ID is <c>&gt;</c> and nothing was served; a blocked read is re-run whenever one of its
/// keys is signalled (an append, the key deleted, the group destroyed), as Redis 7.2+ re-executes it.
/// </summary>
public static class XReadGroupCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        long? timeoutMs = null;
        long count = 0;
        var noAck = false;
        string? group = null;
        string? consumer = null;
        var streamsAt = 0;
        for (var i = 1; i < args.Count; i++)
        {
            var more = args.Count - i - 1;
            if (args.Is(i, "BLOCK"u8) && more > 0)
            {
                i++;
                if (!BlockTimeout.TryParse(context, i, out var timeout)) return;
                timeoutMs = timeout;
            }
            else if (args.Is(i, "COUNT"u8) && more > 0)
            {
                i++;
                if (!RedisInteger.TryParse(args[i], out count))
                {
                    context.Reply.WriteError(StreamErrors.NotInteger);
                    return;
                }
                if (count < 0) count = 0;
            }
            else if (args.Is(i, "STREAMS"u8) && more > 0)
            {
                streamsAt = i + 1;
                if ((args.Count - streamsAt) % 2 != 0)
                {
                    context.Reply.WriteError(GroupErrors.ReadGroupUnbalanced);
                    return;
                }
                break;
            }
            else if (args.Is(i, "GROUP"u8) && more >= 2)
            {
                group = args.Text(i + 1);
                consumer = args.Text(i + 2);
                i += 2;
            }
            else if (args.Is(i, "NOACK"u8))
            {
                noAck = true;
            }
            else
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return;
            }
        }
        if (streamsAt == 0)
        {
            context.Reply.WriteError(StreamErrors.Syntax);
            return;
        }
        if (group is null || consumer is null)
        {
            context.Reply.WriteError(GroupErrors.MissingGroupOption);
            return;
        }

        var keyCount = (args.Count - streamsAt) / 2;
        var keys = new string[keyCount];
        var ids = new ReadGroupId[keyCount];
        var onlyNew = true;
        for (var k = 0; k < keyCount; k++)
        {
            keys[k] = args.Text(streamsAt + k);
            ids[k] = ReadGroupId.Parse(args[streamsAt + keyCount + k]);
            onlyNew &= ids[k].Kind == ReadGroupIdKind.New;
        }

        var read = new XReadGroupOperation(context, keys, ids, group, consumer, count, noAck);
        // A history read is always answered at once, so only an all-">" read may block.
        var served = await BlockingCommand.RunAsync(context, keys, onlyNew ? timeoutMs : null, read.AttemptAsync).ConfigureAwait(false);
        if (!served) context.Reply.WriteNullArray();
    }
}
