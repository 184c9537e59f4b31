using OrleansStreams.ConsumerGroups;
using OrleansStreams.Keys;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XGROUPPOLICY SET key group CLAIMIDLE ms [MAXDELIVERIES n DEADLETTER dlq-key]: replaces the group's policy (its
/// counters carry on) and replies OK. Pending entries idle for CLAIMIDLE go to the next XREADGROUP &gt; of any
/// consumer; an entry delivered MAXDELIVERIES times goes to the dead-letter stream instead.
/// </summary>
public static class XGroupPolicySetCommand
{
    public const string ClaimIdleRequired = "ERR XGROUPPOLICY SET needs CLAIMIDLE";
    public const string ClaimIdlePositive = "ERR CLAIMIDLE must be > 0";
    public const string MaxDeliveriesPositive = "ERR MAXDELIVERIES must be > 0";
    public const string DeadLetterPairing = "ERR MAXDELIVERIES and DEADLETTER must be given together";
    public const string DeadLetterSameKey = "ERR DEADLETTER must name another stream than the group's";

    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!TryParse(context, out var policy)) return;
        var key = context.Args.Text(2);
        var group = context.Args.Text(3);
        var nowMs = context.NowMs;
        if (policy.DeadLetterKey is { } deadLetter && context.Services.Keyspace.TypeOf(deadLetter, nowMs) is not (KeyType.None or KeyType.Stream))
        {
            context.Reply.WriteError(StreamErrors.WrongType);
            return;
        }

        var status = await GroupGrains.Get(context, key, group).InvokeAsync(g => g.SetPolicyAsync(policy, nowMs)).ConfigureAwait(false);
        if (status == ConsumerGroupStatus.Ok) context.Reply.WriteOk();
        else XGroupPolicyGetCommand.WriteFailure(context, key, group, status);
    }

    private static bool TryParse(CommandContext context, out GroupPolicy policy)
    {
        policy = null!;
        var args = context.Args;
        long? claimIdle = null;
        long? maxDeliveries = null;
        string? deadLetter = null;
        for (var i = 4; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return false;
            }
            if (args.Is(i, "CLAIMIDLE"u8))
            {
                if (!TryPositive(context, i + 1, ClaimIdlePositive, out var value)) return false;
                claimIdle = value;
            }
            else if (args.Is(i, "MAXDELIVERIES"u8))
            {
                if (!TryPositive(context, i + 1, MaxDeliveriesPositive, out var value)) return false;
                maxDeliveries = value;
            }
            else if (args.Is(i, "DEADLETTER"u8))
            {
                deadLetter = args.Text(i + 1);
            }
            else
            {
                context.Reply.WriteError(StreamErrors.Syntax);
                return false;
            }
        }
        string? error = null;
        if (claimIdle is null) error = ClaimIdleRequired;
        else if (maxDeliveries is null != deadLetter is null) error = DeadLetterPairing;
        else if (deadLetter == args.Text(2)) error = DeadLetterSameKey;
        if (error is not null)
        {
            context.Reply.WriteError(error);
            return false;
        }
        policy = new GroupPolicy(claimIdle!.Value, maxDeliveries ?? 0, deadLetter);
        return true;
    }

    private static bool TryPositive(CommandContext context, int index, string notPositive, out long value)
    {
        if (!RedisInteger.TryParse(context.Args[index], out value))
        {
            context.Reply.WriteError(StreamErrors.NotInteger);
            return false;
        }
        if (value <= 0)
        {
            context.Reply.WriteError(notPositive);
            return false;
        }
        return true;
    }
}
