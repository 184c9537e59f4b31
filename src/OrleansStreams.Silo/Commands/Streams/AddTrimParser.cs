using OrleansStreams.Protocol;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// The option parser XADD and XTRIM share (Redis's streamParseAddOrTrimArgsOrReply): options are read left to
/// right from argument 2; for XADD the first token that is no option is the ID. Errors come in Redis's order.
/// XADDIF and XADDMULTIIF use it too, from after their VERSION n (<paramref name="start"/>); XADDMULTIIF's options
/// end at ENTRIES (<paramref name="entriesFollow"/>), whose position is then the IdIndex.
/// </summary>
public static class AddTrimParser
{
    public static bool TryParse(CommandArguments args, bool xadd, out AddTrimArguments parsed, out string? error)
        => TryParse(args, xadd, start: 2, entriesFollow: false, out parsed, out error);

    public static bool TryParse(CommandArguments args, bool xadd, int start, bool entriesFollow, out AddTrimArguments parsed, out string? error)
    {
        parsed = default;
        error = null;
        var strategy = StreamTrimStrategy.None;
        var approximate = false;
        long maxLen = 0;
        var minId = StreamId.Zero;
        long limit = 0;
        var limitGiven = false;
        var noMakeStream = false;
        var idMode = StreamIdMode.Auto;
        var id = StreamId.Zero;
        var seqGiven = true;

        var i = start;
        for (; i < args.Count; i++)
        {
            var more = args.Count - 1 - i;
            var token = args[i];
            if (entriesFollow && args.Is(i, "ENTRIES"u8))
            {
                break;
            }
            if (xadd && !entriesFollow && token.Length == 1 && token[0] == (byte)'*')
            {
                break;
            }
            if ((args.Is(i, "MAXLEN"u8) || args.Is(i, "MINID"u8)) && more > 0)
            {
                if (strategy != StreamTrimStrategy.None)
                {
                    error = StreamErrors.MaxLenAndMinId;
                    return false;
                }
                var byMaxLen = args.Is(i, "MAXLEN"u8);
                approximate = false;
                var next = args[i + 1];
                if (more >= 2 && next.Length == 1 && (next[0] == (byte)'~' || next[0] == (byte)'='))
                {
                    approximate = next[0] == (byte)'~';
                    i++;
                }
                if (byMaxLen)
                {
                    if (!RedisInteger.TryParse(args[i + 1], out maxLen))
                    {
                        error = StreamErrors.NotInteger;
                        return false;
                    }
                    if (maxLen < 0)
                    {
                        error = StreamErrors.MaxLenNegative;
                        return false;
                    }
                    strategy = StreamTrimStrategy.MaxLen;
                }
                else
                {
                    if (!StreamIdParser.TryParseStrict(args[i + 1], 0, out minId))
                    {
                        error = StreamErrors.InvalidId;
                        return false;
                    }
                    strategy = StreamTrimStrategy.MinId;
                }
                i++;
            }
            else if (args.Is(i, "LIMIT"u8) && more > 0)
            {
                if (!RedisInteger.TryParse(args[i + 1], out limit))
                {
                    error = StreamErrors.NotInteger;
                    return false;
                }
                if (limit < 0)
                {
                    error = StreamErrors.LimitNegative;
                    return false;
                }
                limitGiven = true;
                i++;
            }
            else if (xadd && args.Is(i, "NOMKSTREAM"u8))
            {
                noMakeStream = true;
            }
            else if (xadd && !entriesFollow)
            {
                if (!StreamIdParser.TryParseForAdd(token, out id, out seqGiven))
                {
                    error = StreamErrors.InvalidId;
                    return false;
                }
                idMode = seqGiven ? StreamIdMode.Explicit : StreamIdMode.AutoSequence;
                break;
            }
            else
            {
                error = StreamErrors.Syntax;
                return false;
            }
        }

        if (limit != 0 && strategy == StreamTrimStrategy.None)
        {
            error = StreamErrors.LimitWithoutStrategy;
            return false;
        }
        if (!xadd && strategy == StreamTrimStrategy.None)
        {
            error = StreamErrors.TrimWithoutStrategy;
            return false;
        }
        if (limitGiven && !approximate)
        {
            error = StreamErrors.LimitWithoutApproximation;
            return false;
        }

        var trim = new StreamTrimOptions(strategy, approximate, maxLen, minId, limitGiven ? limit : StreamTrimOptions.DefaultLimit);
        parsed = new AddTrimArguments(trim, noMakeStream, i, idMode, id, seqGiven);
        return true;
    }
}
