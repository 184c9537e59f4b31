using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Hashes;
using OrleansStreams.Keys;
using OrleansStreams.Silo.Commands.Strings;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>
/// The EXPIRE family, TTL family and PERSIST for keys of any type. String and hash keys change their expiry inside
/// their grain's turn (it is journaled there); other types go straight to the keyspace entry of the key's
/// current generation, and an expiry in the past deletes the key through its owner.
/// </summary>
internal static class KeyExpiry
{
    /// <summary>EXPIRE key time [NX|XX|GT|LT]: <paramref name="seconds"/> for the unit, <paramref name="relative"/> to add now.</summary>
    public static async ValueTask ExpireAsync(CommandContext context, bool seconds, bool relative)
    {
        if (!TryParseConditions(context, out var conditions)) return;
        if (!RedisInteger.TryParse(context.Args[2], out var when))
        {
            context.Reply.WriteError(PlainKeyErrors.NotInteger);
            return;
        }
        // EXPIRE accepts negative times (they delete the key); only overflow is an error.
        if (seconds)
        {
            if (when > long.MaxValue / 1000 || when < long.MinValue / 1000)
            {
                context.Reply.WriteError(PlainKeyErrors.InvalidExpireTime(context));
                return;
            }
            when *= 1000;
        }
        var baseMs = relative ? context.NowMs : 0;
        if (when > long.MaxValue - baseMs)
        {
            context.Reply.WriteError(PlainKeyErrors.InvalidExpireTime(context));
            return;
        }
        when += baseMs;

        var outcome = await ApplyAsync(context, context.Args.Text(1), new ExpireRequest(when, conditions, context.NowMs)).ConfigureAwait(false);
        context.Reply.WriteInteger(outcome is ExpireOutcome.Applied or ExpireOutcome.Deleted ? 1 : 0);
    }

    /// <summary>TTL, PTTL, EXPIRETIME, PEXPIRETIME: -2 for a missing key, -1 without expiry; seconds are rounded.</summary>
    public static ValueTask TimeToLiveAsync(CommandContext context, bool milliseconds, bool absolute)
    {
        var nowMs = context.NowMs;
        if (!context.Services.Keyspace.TryGet(context.Args.Text(1), nowMs, out var info))
        {
            context.Reply.WriteInteger(-2);
        }
        else if (info.ExpiresAtMs == 0)
        {
            context.Reply.WriteInteger(-1);
        }
        else
        {
            var value = Math.Max(0, absolute ? info.ExpiresAtMs : info.ExpiresAtMs - nowMs);
            context.Reply.WriteInteger(milliseconds ? value : (value + 500) / 1000);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>PERSIST key: 1 when an expiry was removed.</summary>
    public static async ValueTask PersistAsync(CommandContext context)
    {
        var key = context.Args.Text(1);
        var nowMs = context.NowMs;
        var keyspace = context.Services.Keyspace;
        var type = keyspace.TypeOf(key, nowMs);
        bool removed;
        if (type == KeyType.None)
        {
            removed = false;
        }
        else if (ExpiringOwner(context.Grains, type, key) is { } grain)
        {
            removed = await grain.InvokeAsync(g => g.PersistAsync(nowMs)).ConfigureAwait(false);
        }
        else
        {
            removed = keyspace.TryGet(key, nowMs, out var info) && info.ExpiresAtMs != 0 && keyspace.SetExpiry(key, info.Generation, 0);
        }
        context.Reply.WriteInteger(removed ? 1 : 0);
    }

    private static async ValueTask<ExpireOutcome> ApplyAsync(CommandContext context, string key, ExpireRequest request)
    {
        var keyspace = context.Services.Keyspace;
        if (!keyspace.TryGet(key, request.NowMs, out var info)) return ExpireOutcome.Missing;
        if (ExpiringOwner(context.Grains, info.Type, key) is { } grain)
        {
            return await grain.InvokeAsync(g => g.ExpireAsync(request)).ConfigureAwait(false);
        }

        // Types whose grain does not keep its expiry: the keyspace entry of this generation is the expiry.
        var outcome = request.Decide(info.ExpiresAtMs);
        if (outcome == ExpireOutcome.Deleted)
        {
            await context.Services.Services.GetRequiredService<KeyOwners>().DeleteAsync(info.Type, key).ConfigureAwait(false);
        }
        else if (outcome == ExpireOutcome.Applied && !keyspace.SetExpiry(key, info.Generation, request.WhenMs))
        {
            outcome = ExpireOutcome.Missing;
        }
        return outcome;
    }

    private static IGrainReference<IExpiringKeyGrain>? ExpiringOwner(IGrainFactory grains, KeyType type, string key) => type switch
    {
        KeyType.String => grains.GetGrain<IStringGrain>(key),
        KeyType.Hash => grains.GetGrain<IHashGrain>(key),
        KeyType.Stream => grains.GetGrain<IStreamGrain>(key),
        _ => null,
    };

    /// <summary>Redis's parseExtendedExpireArgumentsOrReply: every option is checked before the incompatible pairs.</summary>
    private static bool TryParseConditions(CommandContext context, out ExpireConditions conditions)
    {
        var args = context.Args;
        conditions = ExpireConditions.None;
        for (var j = 3; j < args.Count; j++)
        {
            if (args.Is(j, "NX"u8)) conditions |= ExpireConditions.Nx;
            else if (args.Is(j, "XX"u8)) conditions |= ExpireConditions.Xx;
            else if (args.Is(j, "GT"u8)) conditions |= ExpireConditions.Gt;
            else if (args.Is(j, "LT"u8)) conditions |= ExpireConditions.Lt;
            else
            {
                context.Reply.WriteError($"ERR Unsupported option {args.Text(j)}");
                return false;
            }
        }
        if ((conditions & ExpireConditions.Nx) != 0 && (conditions & ~ExpireConditions.Nx) != 0)
        {
            context.Reply.WriteError("ERR NX and XX, GT or LT options at the same time are not compatible");
            return false;
        }
        if ((conditions & (ExpireConditions.Gt | ExpireConditions.Lt)) == (ExpireConditions.Gt | ExpireConditions.Lt))
        {
            context.Reply.WriteError("ERR GT and LT options at the same time are not compatible");
            return false;
        }
        return true;
    }
}
