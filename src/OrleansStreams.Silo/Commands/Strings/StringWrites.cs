using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>What SET, SETEX, GETSET and MSET share: writing a string over a key of any type, and SET's expiry rules.</summary>
internal static class StringWrites
{
    /// <summary>
    /// Runs the SET on the key's string grain. A key of another type in the way is deleted through its owner first
    /// (SET replaces any type in Redis) and the SET retried, carrying over what Redis would keep of the old key:
    /// that it existed (so XX held) and, with KEEPTTL, its expiry. Never returns HeldByOtherType.
    /// </summary>
    public static async ValueTask<StringSetResult> SetAsync(CommandContext context, string key, StringSetRequest request)
    {
        var grain = context.Grains.GetGrain<IStringGrain>(key);
        while (true)
        {
            var result = await grain.InvokeAsync(g => g.SetAsync(request)).ConfigureAwait(false);
            if (result.Status != StringSetStatus.HeldByOtherType) return result;
            request = await ReplaceOtherTypeAsync(context, key, result.OtherType, request).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Redis's getExpireMillisecondsOrReply: only positive amounts, seconds that fit in milliseconds, and (for
    /// relative ones) a sum with now that does not overflow.
    /// </summary>
    public static bool TryResolveExpiry(long amount, bool seconds, bool relative, long nowMs, out long expiresAtMs)
    {
        expiresAtMs = 0;
        if (amount <= 0 || (seconds && amount > long.MaxValue / 1000)) return false;
        var milliseconds = seconds ? amount * 1000 : amount;
        if (relative) milliseconds = unchecked(milliseconds + nowMs);
        if (milliseconds <= 0) return false;
        expiresAtMs = milliseconds;
        return true;
    }

    private static async ValueTask<StringSetRequest> ReplaceOtherTypeAsync(CommandContext context, string key, KeyType type, StringSetRequest request)
    {
        if (request.ExpiryMode == SetExpiryMode.Keep)
        {
            var keptMs = context.Services.Keyspace.TryGet(key, request.NowMs, out var info) ? info.ExpiresAtMs : 0;
            request = keptMs == 0
                ? request with { ExpiryMode = SetExpiryMode.Clear }
                : request with { ExpiryMode = SetExpiryMode.At, ExpiresAtMs = keptMs };
        }
        await context.Services.Services.GetRequiredService<KeyOwners>().DeleteAsync(type, key).ConfigureAwait(false);
        return request.Condition == SetCondition.IfExists ? request with { Condition = SetCondition.Always } : request;
    }
}
