using OrleansStreams.ConsumerGroups;
using OrleansStreams.Protocol;
using OrleansStreams.Silo.Commands.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XGROUPPOLICY GET key group: a map (a flat array in RESP2) of claim-idle, max-deliveries (0 = no limit),
/// dead-letter (null when none), reclaimed and dead-lettered; null when the group has no policy.
/// </summary>
public static class XGroupPolicyGetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var key = context.Args.Text(2);
        var group = context.Args.Text(3);
        var nowMs = context.NowMs;
        var result = await GroupGrains.Get(context, key, group).InvokeAsync(g => g.GetPolicyAsync(nowMs)).ConfigureAwait(false);
        if (result.Status != ConsumerGroupStatus.Ok) WriteFailure(context, key, group, result.Status);
        else if (result.Info is not { } info) context.Reply.WriteNullBulk();
        else
        {
            context.Reply.WriteMapHeader(PolicyFieldCount);
            WritePolicyFields(context.Reply, info);
        }
    }

    /// <summary>How many key-value pairs <see cref="WritePolicyFields"/> writes.</summary>
    public const int PolicyFieldCount = 5;

    /// <summary>The policy's fields as map pairs; XINFO GROUPS adds the same pairs to a group with a policy.</summary>
    public static void WritePolicyFields(RespWriter reply, GroupPolicyInfo info)
    {
        reply.WriteBulk("claim-idle"u8);
        reply.WriteInteger(info.Policy.ClaimIdleMs);
        reply.WriteBulk("max-deliveries"u8);
        reply.WriteInteger(info.Policy.MaxDeliveries);
        reply.WriteBulk("dead-letter"u8);
        if (info.Policy.DeadLetterKey is { } key) reply.WriteBulk(key);
        else reply.WriteNullBulk();
        reply.WriteBulk("reclaimed"u8);
        reply.WriteInteger(info.Reclaimed);
        reply.WriteBulk("dead-lettered"u8);
        reply.WriteInteger(info.DeadLettered);
    }

    /// <summary>WRONGTYPE, or the NOGROUP wording XPENDING and XCLAIM use, for a missing key as for a missing group.</summary>
    public static void WriteFailure(CommandContext context, string key, string group, ConsumerGroupStatus status)
    {
        if (status == ConsumerGroupStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else GroupErrors.WriteNoKeyOrGroup(context.Reply, key, group);
    }
}
