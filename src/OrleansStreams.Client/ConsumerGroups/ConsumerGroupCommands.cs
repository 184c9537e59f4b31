using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>Typed consumer-group commands. Error replies throw <see cref="StreamsServerException"/> (NOGROUP, BUSYGROUP, ...).</summary>
public static class ConsumerGroupCommands
{
    /// <summary>XGROUP CREATE key group id [MKSTREAM] [ENTRIESREAD n].</summary>
    public static async Task XGroupCreateAsync(this StreamsClient client, string key, string group, string id = "$", bool mkStream = false, long? entriesRead = null, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XGROUP CREATE").Add(key).Add(group).Add(id);
        if (mkStream) command.Add("MKSTREAM");
        if (entriesRead is { } read) command.Add("ENTRIESREAD").Add(read);
        await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>XGROUP DESTROY; false when the group did not exist.</summary>
    public static async Task<bool> XGroupDestroyAsync(this StreamsClient client, string key, string group, CancellationToken cancellationToken = default) =>
        (await client.SendCheckedAsync(new CommandBuilder("XGROUP DESTROY").Add(key).Add(group), cancellationToken).ConfigureAwait(false)).AsInt64() == 1;

    /// <summary>XGROUP CREATECONSUMER; false when the consumer already existed.</summary>
    public static async Task<bool> XGroupCreateConsumerAsync(this StreamsClient client, string key, string group, string consumer, CancellationToken cancellationToken = default) =>
        (await client.SendCheckedAsync(new CommandBuilder("XGROUP CREATECONSUMER").Add(key).Add(group).Add(consumer), cancellationToken).ConfigureAwait(false)).AsInt64() == 1;

    /// <summary>XGROUP DELCONSUMER; returns how many entries the consumer had pending.</summary>
    public static async Task<long> XGroupDelConsumerAsync(this StreamsClient client, string key, string group, string consumer, CancellationToken cancellationToken = default) =>
        (await client.SendCheckedAsync(new CommandBuilder("XGROUP DELCONSUMER").Add(key).Add(group).Add(consumer), cancellationToken).ConfigureAwait(false)).AsInt64();

    /// <summary>XGROUP SETID key group id [ENTRIESREAD n].</summary>
    public static async Task XGroupSetIdAsync(this StreamsClient client, string key, string group, string id, long? entriesRead = null, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XGROUP SETID").Add(key).Add(group).Add(id);
        if (entriesRead is { } read) command.Add("ENTRIESREAD").Add(read);
        await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<GroupInfo>> XInfoGroupsAsync(this StreamsClient client, string key, CancellationToken cancellationToken = default)
    {
        var reply = await client.SendCheckedAsync(new CommandBuilder("XINFO GROUPS").Add(key), cancellationToken).ConfigureAwait(false);
        return reply.Items.Select(item =>
        {
            var map = ReplyReading.Map(item);
            return new GroupInfo(
                ReplyReading.String(map, "name") ?? "",
                ReplyReading.Integer(map, "consumers"),
                ReplyReading.Integer(map, "pending"),
                ReplyReading.String(map, "last-delivered-id") ?? "0-0",
                ReplyReading.NullableInteger(map, "entries-read"),
                ReplyReading.NullableInteger(map, "lag"),
                map);
        }).ToList();
    }

    public static async Task<IReadOnlyList<ConsumerInfo>> XInfoConsumersAsync(this StreamsClient client, string key, string group, CancellationToken cancellationToken = default)
    {
        var reply = await client.SendCheckedAsync(new CommandBuilder("XINFO CONSUMERS").Add(key).Add(group), cancellationToken).ConfigureAwait(false);
        return reply.Items.Select(item =>
        {
            var map = ReplyReading.Map(item);
            var inactive = ReplyReading.NullableInteger(map, "inactive");
            return new ConsumerInfo(
                ReplyReading.String(map, "name") ?? "",
                ReplyReading.Integer(map, "pending"),
                TimeSpan.FromMilliseconds(ReplyReading.Integer(map, "idle")),
                inactive is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                map);
        }).ToList();
    }

    /// <summary>
    /// XREADGROUP of one stream. <paramref name="id"/> "&gt;" reads new entries; another ID reads this consumer's
    /// pending history. With <paramref name="block"/> it waits on a dedicated connection (<see cref="TimeSpan.Zero"/> waits forever).
    /// </summary>
    public static async Task<IReadOnlyList<StreamEntry>> XReadGroupAsync(this StreamsClient client, string group, string consumer, string key, string id = ">", long? count = null, TimeSpan? block = null, bool noAck = false, CancellationToken cancellationToken = default)
    {
        var results = await client.XReadGroupAsync(group, consumer, [new StreamPosition(key, id)], count, block, noAck, cancellationToken).ConfigureAwait(false);
        return results.Count == 0 ? [] : results[0].Entries;
    }

    public static async Task<IReadOnlyList<StreamReadResult>> XReadGroupAsync(this StreamsClient client, string group, string consumer, IReadOnlyList<StreamPosition> streams, long? count = null, TimeSpan? block = null, bool noAck = false, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XREADGROUP").Add("GROUP").Add(group).Add(consumer);
        if (count is { } n) command.Add("COUNT").Add(n);
        if (block is { } wait) command.Add("BLOCK").Add(wait);
        if (noAck) command.Add("NOACK");
        command.Block = block;
        StreamCommands.AddStreams(command, streams);
        return ReplyReading.ReadResults(await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>XACK; returns how many of the IDs were pending and are now acknowledged.</summary>
    public static async Task<long> XAckAsync(this StreamsClient client, string key, string group, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XACK").Add(key).Add(group);
        foreach (var id in ids) command.Add(id);
        return (await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false)).AsInt64();
    }

    public static Task<long> XAckAsync(this StreamsClient client, string key, string group, string id, CancellationToken cancellationToken = default) =>
        client.XAckAsync(key, group, [id], cancellationToken);

    /// <summary>XCLAIM; returns the entries whose ownership moved to <paramref name="consumer"/>.</summary>
    public static async Task<IReadOnlyList<StreamEntry>> XClaimAsync(this StreamsClient client, string key, string group, string consumer, TimeSpan minIdle, IReadOnlyList<string> ids, ClaimOptions? options = null, CancellationToken cancellationToken = default)
    {
        var command = ClaimCommand(key, group, consumer, minIdle, ids, options);
        return ReplyReading.Entries(await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>XCLAIM ... JUSTID: claims without reading the entries or counting a delivery; returns the claimed IDs.</summary>
    public static async Task<IReadOnlyList<string>> XClaimJustIdAsync(this StreamsClient client, string key, string group, string consumer, TimeSpan minIdle, IReadOnlyList<string> ids, ClaimOptions? options = null, CancellationToken cancellationToken = default)
    {
        var command = ClaimCommand(key, group, consumer, minIdle, ids, options).Add("JUSTID");
        return ReplyReading.Ids(await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>XAUTOCLAIM key group consumer min-idle start [COUNT n] [JUSTID].</summary>
    public static async Task<AutoClaimResult> XAutoClaimAsync(this StreamsClient client, string key, string group, string consumer, TimeSpan minIdle, string start = "0-0", long? count = null, bool justId = false, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XAUTOCLAIM").Add(key).Add(group).Add(consumer).Add(minIdle).Add(start);
        if (count is { } n) command.Add("COUNT").Add(n);
        if (justId) command.Add("JUSTID");
        var reply = await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false);
        var entries = justId
            ? ReplyReading.Ids(reply.Items[1]).Select(id => new StreamEntry(id, [])).ToList()
            : ReplyReading.Entries(reply.Items[1]);
        var deleted = reply.Items.Count > 2 ? ReplyReading.Ids(reply.Items[2]) : [];
        return new AutoClaimResult(ReplyReading.Text(reply.Items[0]), entries, deleted);
    }

    /// <summary>The summary form of XPENDING.</summary>
    public static async Task<PendingSummary> XPendingAsync(this StreamsClient client, string key, string group, CancellationToken cancellationToken = default)
    {
        var reply = await client.SendCheckedAsync(new CommandBuilder("XPENDING").Add(key).Add(group), cancellationToken).ConfigureAwait(false);
        var consumers = reply.Items[3].IsNull
            ? []
            : reply.Items[3].Items.Select(pair => new PendingConsumer(ReplyReading.Text(pair.Items[0]), pair.Items[1].AsInt64())).ToList();
        return new PendingSummary(reply.Items[0].AsInt64(), ReplyReading.NullableText(reply.Items[1]), ReplyReading.NullableText(reply.Items[2]), consumers);
    }

    /// <summary>The extended form: XPENDING key group [IDLE min-idle] start end count [consumer].</summary>
    public static async Task<IReadOnlyList<PendingEntry>> XPendingRangeAsync(this StreamsClient client, string key, string group, string start = "-", string end = "+", long count = 100, string? consumer = null, TimeSpan? minIdle = null, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XPENDING").Add(key).Add(group);
        if (minIdle is { } idle) command.Add("IDLE").Add(idle);
        command.Add(start).Add(end).Add(count);
        if (consumer is not null) command.Add(consumer);
        var reply = await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false);
        return reply.Items.Select(ToPendingEntry).ToList();
    }

    private static PendingEntry ToPendingEntry(RespValue item) =>
        new(ReplyReading.Text(item.Items[0]), ReplyReading.Text(item.Items[1]), TimeSpan.FromMilliseconds(item.Items[2].AsInt64()), item.Items[3].AsInt64());

    private static CommandBuilder ClaimCommand(string key, string group, string consumer, TimeSpan minIdle, IReadOnlyList<string> ids, ClaimOptions? options)
    {
        if (ids.Count == 0) throw new ArgumentException("Name at least one ID to claim.", nameof(ids));
        var command = new CommandBuilder("XCLAIM").Add(key).Add(group).Add(consumer).Add(minIdle);
        foreach (var id in ids) command.Add(id);
        options?.AddTo(command);
        return command;
    }
}
