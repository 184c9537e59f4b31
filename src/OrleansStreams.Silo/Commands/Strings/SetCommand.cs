using OrleansStreams.Protocol;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>
/// SET key value [NX | XX] [GET] [EX seconds | PX ms | EXAT unix-seconds | PXAT unix-ms | KEEPTTL]. Like Redis, SET
/// replaces a key of any type (see <see cref="StringWrites"/>).
/// </summary>
public static class SetCommand
{
    [Flags]
    private enum Options
    {
        None = 0,
        Nx = 1,
        Xx = 2,
        Get = 4,
        KeepTtl = 8,
        Ex = 16,
        Px = 32,
        ExAt = 64,
        PxAt = 128,
        AnyExpiry = Ex | Px | ExAt | PxAt,
    }

    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!TryParseOptions(args, out var options, out var expireIndex))
        {
            context.Reply.WriteError(PlainKeyErrors.Syntax);
            return;
        }

        var mode = (options & Options.KeepTtl) != 0 ? SetExpiryMode.Keep : SetExpiryMode.Clear;
        long expiresAtMs = 0;
        if (expireIndex > 0)
        {
            if (!RedisInteger.TryParse(args[expireIndex], out var amount))
            {
                context.Reply.WriteError(PlainKeyErrors.NotInteger);
                return;
            }
            if (!TryResolveExpiry(options, amount, context.NowMs, out expiresAtMs))
            {
                context.Reply.WriteError(PlainKeyErrors.InvalidExpireTime(context));
                return;
            }
            mode = SetExpiryMode.At;
        }

        var condition = (options & Options.Nx) != 0 ? SetCondition.IfMissing
            : (options & Options.Xx) != 0 ? SetCondition.IfExists
            : SetCondition.Always;
        var request = new StringSetRequest(args.ToArray(2), condition, mode, expiresAtMs, (options & Options.Get) != 0, context.NowMs);
        var result = await StringWrites.SetAsync(context, args.Text(1), request).ConfigureAwait(false);
        if (result.Status == StringSetStatus.WrongType) context.Reply.WriteError(PlainKeyErrors.WrongType);
        else if (request.ReturnOldValue) GetCommand.WriteValue(context, result.OldValue);
        else if (result.Status == StringSetStatus.Set) context.Reply.WriteOk();
        else context.Reply.WriteNullBulk();
    }

    /// <summary>Redis's parseExtendedStringArgumentsOrReply for SET: conflicting options are a syntax error; a repeated expiry keeps the last.</summary>
    private static bool TryParseOptions(CommandArguments args, out Options options, out int expireIndex)
    {
        options = Options.None;
        expireIndex = 0;
        for (var j = 3; j < args.Count; j++)
        {
            var hasNext = j < args.Count - 1;
            if (args.Is(j, "NX"u8) && (options & Options.Xx) == 0)
            {
                options |= Options.Nx;
            }
            else if (args.Is(j, "XX"u8) && (options & Options.Nx) == 0)
            {
                options |= Options.Xx;
            }
            else if (args.Is(j, "GET"u8))
            {
                options |= Options.Get;
            }
            else if (args.Is(j, "KEEPTTL"u8) && (options & Options.AnyExpiry) == 0)
            {
                options |= Options.KeepTtl;
            }
            else if (TryExpiryOption(args, j, hasNext, ref options))
            {
                expireIndex = ++j;
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryExpiryOption(CommandArguments args, int index, bool hasNext, ref Options options)
    {
        Options option;
        if (args.Is(index, "EX"u8)) option = Options.Ex;
        else if (args.Is(index, "PX"u8)) option = Options.Px;
        else if (args.Is(index, "EXAT"u8)) option = Options.ExAt;
        else if (args.Is(index, "PXAT"u8)) option = Options.PxAt;
        else return false;

        // The same option may repeat (the last value wins); another expiry option or KEEPTTL may not.
        var conflicting = Options.KeepTtl | (Options.AnyExpiry & ~option);
        if ((options & conflicting) != 0 || !hasNext) return false;
        options |= option;
        return true;
    }

    private static bool TryResolveExpiry(Options options, long amount, long nowMs, out long expiresAtMs)
        => StringWrites.TryResolveExpiry(amount, seconds: (options & (Options.Ex | Options.ExAt)) != 0, relative: (options & (Options.Ex | Options.Px)) != 0, nowMs, out expiresAtMs);
}
