using OrleansStreams.ConsumerGroups;
using OrleansStreams.Protocol;
using OrleansStreams.Silo.Commands.ConsumerGroups;
using OrleansStreams.Streams;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// XINFO STREAM key [FULL [COUNT n]]. The key is looked up before the options are checked. FULL lists the first n
/// entries and, per group, the first n pending entries of the group and of each consumer: n is 10 by default, 0
/// means all, a negative n means 10.
/// </summary>
public static class XInfoStreamCommand
{
    private const long DefaultFullCount = 10;

    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var key = args.Text(2);
        if (!XInfoKey.TryCheck(context, key)) return;
        if (args.Count is not (3 or 4 or 6)
            || (args.Count >= 4 && !args.Is(3, "FULL"u8))
            || (args.Count == 6 && !args.Is(4, "COUNT"u8)))
        {
            GroupErrors.WriteSubcommandSyntax(context.Reply, args.Text(0), args.Text(1));
            return;
        }
        var full = args.Count >= 4;
        var count = DefaultFullCount;
        if (args.Count == 6)
        {
            if (!RedisInteger.TryParse(args[5], out count))
            {
                context.Reply.WriteError(StreamErrors.NotInteger);
                return;
            }
            if (count < 0) count = DefaultFullCount;
        }

        var nowMs = context.NowMs;
        var info = await context.Grains.GetGrain<IStreamGrain>(key).InvokeAsync(g => g.GetInfoAsync(full ? count : -1, nowMs)).ConfigureAwait(false);
        if (info.Status != StreamStatus.Ok)
        {
            context.Reply.WriteError(info.Status == StreamStatus.WrongType ? StreamErrors.WrongType : StreamErrors.NoSuchKey);
            return;
        }

        if (!full)
        {
            WriteSummary(context.Reply, info);
            return;
        }
        var groups = new List<GroupDetails>(info.Groups.Count);
        foreach (var group in info.Groups)
        {
            var result = await GroupGrains.Get(context, key, group.Name).InvokeAsync(g => g.GetDetailsAsync(count, nowMs)).ConfigureAwait(false);
            if (result is { Status: ConsumerGroupStatus.Ok, Details: { } details }) groups.Add(details);
        }
        WriteFull(context.Reply, info, groups);
    }

    private static void WriteSummary(RespWriter reply, StreamInfo info)
    {
        reply.WriteMapHeader(10);
        WriteCounters(reply, info);
        reply.WriteBulk("groups"u8);
        reply.WriteInteger(info.Groups.Count);
        reply.WriteBulk("first-entry"u8);
        WriteSingleEntry(reply, info.FirstEntry);
        reply.WriteBulk("last-entry"u8);
        WriteSingleEntry(reply, info.LastEntry);
    }

    private static void WriteFull(RespWriter reply, StreamInfo info, List<GroupDetails> groups)
    {
        reply.WriteMapHeader(9);
        WriteCounters(reply, info);
        reply.WriteBulk("entries"u8);
        StreamReplies.WriteEntries(reply, info.Entries);
        reply.WriteBulk("groups"u8);
        reply.WriteArrayHeader(groups.Count);
        foreach (var group in groups)
        {
            reply.WriteMapHeader(7);
            reply.WriteBulk("name"u8);
            reply.WriteBulk(group.Name);
            reply.WriteBulk("last-delivered-id"u8);
            StreamReplies.WriteId(reply, group.LastDeliveredId);
            reply.WriteBulk("entries-read"u8);
            XInfoGroupsCommand.WriteOptional(reply, group.EntriesRead);
            reply.WriteBulk("lag"u8);
            XInfoGroupsCommand.WriteOptional(reply, group.Lag);
            reply.WriteBulk("pel-count"u8);
            reply.WriteInteger(group.PelCount);
            reply.WriteBulk("pending"u8);
            reply.WriteArrayHeader(group.Pending.Count);
            foreach (var pending in group.Pending)
            {
                reply.WriteArrayHeader(4);
                StreamReplies.WriteId(reply, pending.Id);
                reply.WriteBulk(pending.Consumer);
                reply.WriteInteger(pending.DeliveryTimeMs);
                reply.WriteInteger(pending.DeliveryCount);
            }
            reply.WriteBulk("consumers"u8);
            reply.WriteArrayHeader(group.Consumers.Count);
            foreach (var consumer in group.Consumers) WriteConsumer(reply, consumer);
        }
    }

    private static void WriteConsumer(RespWriter reply, ConsumerDetails consumer)
    {
        reply.WriteMapHeader(5);
        reply.WriteBulk("name"u8);
        reply.WriteBulk(consumer.Name);
        reply.WriteBulk("seen-time"u8);
        reply.WriteInteger(consumer.SeenTimeMs);
        reply.WriteBulk("active-time"u8);
        reply.WriteInteger(consumer.ActiveTimeMs);
        reply.WriteBulk("pel-count"u8);
        reply.WriteInteger(consumer.PelCount);
        reply.WriteBulk("pending"u8);
        reply.WriteArrayHeader(consumer.Pending.Count);
        foreach (var pending in consumer.Pending)
        {
            reply.WriteArrayHeader(3);
            StreamReplies.WriteId(reply, pending.Id);
            reply.WriteInteger(pending.DeliveryTimeMs);
            reply.WriteInteger(pending.DeliveryCount);
        }
    }

    /// <summary>The first seven fields, shared by both forms.</summary>
    private static void WriteCounters(RespWriter reply, StreamInfo info)
    {
        var stream = info.Metadata;
        reply.WriteBulk("length"u8);
        reply.WriteInteger(stream.Length);
        reply.WriteBulk("radix-tree-keys"u8);
        reply.WriteInteger(stream.NodeCount);
        reply.WriteBulk("radix-tree-nodes"u8);
        reply.WriteInteger(info.RadixTreeNodes);
        reply.WriteBulk("last-generated-id"u8);
        StreamReplies.WriteId(reply, stream.LastId);
        reply.WriteBulk("max-deleted-entry-id"u8);
        StreamReplies.WriteId(reply, stream.MaxDeletedId);
        reply.WriteBulk("entries-added"u8);
        reply.WriteInteger(stream.EntriesAdded);
        reply.WriteBulk("recorded-first-entry-id"u8);
        StreamReplies.WriteId(reply, stream.FirstId);
    }

    private static void WriteSingleEntry(RespWriter reply, StreamEntries entries)
    {
        if (entries.Count == 0) reply.WriteNullBulk();
        else StreamReplies.WriteEntry(reply, entries[0]);
    }
}
