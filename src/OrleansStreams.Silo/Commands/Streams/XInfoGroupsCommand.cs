using OrleansStreams.ConsumerGroups;
using OrleansStreams.Protocol;
using OrleansStreams.Silo.Commands.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XINFO GROUPS key: one map per group, in byte order of the names.</summary>
public static class XInfoGroupsCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var key = context.Args.Text(2);
        if (!XInfoKey.TryCheck(context, key)) return;
        var nowMs = context.NowMs;
        var info = await context.Grains.GetGrain<IStreamGrain>(key).InvokeAsync(g => g.GetInfoAsync(-1, nowMs)).ConfigureAwait(false);
        if (info.Status != StreamStatus.Ok)
        {
            context.Reply.WriteError(info.Status == StreamStatus.WrongType ? StreamErrors.WrongType : StreamErrors.NoSuchKey);
            return;
        }

        var summaries = new List<GroupSummary>(info.Groups.Count);
        foreach (var group in info.Groups)
        {
            var result = await GroupGrains.Get(context, key, group.Name).InvokeAsync(g => g.GetSummaryAsync(nowMs)).ConfigureAwait(false);
            // A group destroyed since the stream answered is simply no longer listed.
            if (result is { Status: ConsumerGroupStatus.Ok, Summary: { } summary }) summaries.Add(summary);
        }

        var reply = context.Reply;
        reply.WriteArrayHeader(summaries.Count);
        foreach (var summary in summaries) Write(reply, summary);
    }

    private static void Write(RespWriter reply, GroupSummary summary)
    {
        // Only a group with a policy shows more than Redis does, so every other group's reply stays Redis's own.
        reply.WriteMapHeader(summary.Policy is null ? 6 : 6 + XGroupPolicyGetCommand.PolicyFieldCount);
        reply.WriteBulk("name"u8);
        reply.WriteBulk(summary.Name);
        reply.WriteBulk("consumers"u8);
        reply.WriteInteger(summary.Consumers);
        reply.WriteBulk("pending"u8);
        reply.WriteInteger(summary.Pending);
        reply.WriteBulk("last-delivered-id"u8);
        StreamReplies.WriteId(reply, summary.LastDeliveredId);
        reply.WriteBulk("entries-read"u8);
        WriteOptional(reply, summary.EntriesRead);
        reply.WriteBulk("lag"u8);
        WriteOptional(reply, summary.Lag);
        if (summary.Policy is { } policy) XGroupPolicyGetCommand.WritePolicyFields(reply, policy);
    }

    /// <summary>An integer, or null when Redis cannot know it (entries-read, lag).</summary>
    internal static void WriteOptional(RespWriter reply, long? value)
    {
        if (value is { } known) reply.WriteInteger(known);
        else reply.WriteNullBulk();
    }
}
