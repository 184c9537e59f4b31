namespace OrleansStreams.Client;

/// <summary>Typed stream commands. Error replies throw <see cref="StreamsServerException"/> with the server's words.</summary>
public static class StreamCommands
{
    /// <summary>XADD; returns the new entry's ID, or null when <paramref name="noMkStream"/> is set and the stream does not exist.</summary>
    public static async Task<string?> XAddAsync(this StreamsClient client, string key, IReadOnlyList<StreamField> fields, string id = "*", StreamTrim? trim = null, bool noMkStream = false, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XADD").Add(key);
        if (noMkStream) command.Add("NOMKSTREAM");
        trim?.AddTo(command);
        command.Add(id);
        AddFields(command, fields);
        var reply = await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false);
        return ReplyReading.NullableText(reply);
    }

    /// <summary>XADD with an automatic ID: <c>await client.XAddAsync("orders", ("item", "widget"), ("qty", "5"))</c>.</summary>
    public static async Task<string> XAddAsync(this StreamsClient client, string key, params StreamField[] fields) =>
        (await client.XAddAsync(key, fields, "*", null, false, CancellationToken.None).ConfigureAwait(false))!;

    /// <summary>XRANGE from <paramref name="start"/> to <paramref name="end"/> ("-", "+", IDs, or "(" for exclusive).</summary>
    public static async Task<IReadOnlyList<StreamEntry>> XRangeAsync(this StreamsClient client, string key, string start = "-", string end = "+", long? count = null, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XRANGE").Add(key).Add(start).Add(end);
        if (count is { } n) command.Add("COUNT").Add(n);
        return ReplyReading.Entries(await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>XREVRANGE: newest first, from <paramref name="end"/> down to <paramref name="start"/>.</summary>
    public static async Task<IReadOnlyList<StreamEntry>> XRevRangeAsync(this StreamsClient client, string key, string end = "+", string start = "-", long? count = null, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XREVRANGE").Add(key).Add(end).Add(start);
        if (count is { } n) command.Add("COUNT").Add(n);
        return ReplyReading.Entries(await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<long> XLenAsync(this StreamsClient client, string key, CancellationToken cancellationToken = default) =>
        (await client.SendCheckedAsync(new CommandBuilder("XLEN").Add(key), cancellationToken).ConfigureAwait(false)).AsInt64();

    /// <summary>XDEL; returns how many of the IDs existed and were deleted.</summary>
    public static async Task<long> XDelAsync(this StreamsClient client, string key, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XDEL").Add(key);
        foreach (var id in ids) command.Add(id);
        return (await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false)).AsInt64();
    }

    /// <summary>XTRIM; returns how many entries were removed.</summary>
    public static async Task<long> XTrimAsync(this StreamsClient client, string key, StreamTrim trim, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XTRIM").Add(key);
        trim.AddTo(command);
        return (await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false)).AsInt64();
    }

    /// <summary>XSETID key last-id [ENTRIESADDED n] [MAXDELETEDID id].</summary>
    public static async Task XSetIdAsync(this StreamsClient client, string key, string lastId, long? entriesAdded = null, string? maxDeletedId = null, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XSETID").Add(key).Add(lastId);
        if (entriesAdded is { } added) command.Add("ENTRIESADDED").Add(added);
        if (maxDeletedId is not null) command.Add("MAXDELETEDID").Add(maxDeletedId);
        await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>XINFO STREAM (the summary form).</summary>
    public static async Task<StreamInfo> XInfoStreamAsync(this StreamsClient client, string key, CancellationToken cancellationToken = default)
    {
        var map = ReplyReading.Map(await client.SendCheckedAsync(new CommandBuilder("XINFO STREAM").Add(key), cancellationToken).ConfigureAwait(false));
        return new StreamInfo(
            ReplyReading.Integer(map, "length"),
            ReplyReading.String(map, "last-generated-id") ?? "0-0",
            ReplyReading.String(map, "max-deleted-entry-id"),
            ReplyReading.NullableInteger(map, "entries-added"),
            ReplyReading.String(map, "recorded-first-entry-id"),
            ReplyReading.Integer(map, "groups"),
            map.TryGetValue("first-entry", out var first) && !first.IsNull ? ReplyReading.Entry(first) : null,
            map.TryGetValue("last-entry", out var last) && !last.IsNull ? ReplyReading.Entry(last) : null,
            map);
    }

    /// <summary>XREAD of one stream; with <paramref name="block"/> it waits on a dedicated connection (<see cref="TimeSpan.Zero"/> waits forever).</summary>
    public static async Task<IReadOnlyList<StreamEntry>> XReadAsync(this StreamsClient client, string key, string afterId, long? count = null, TimeSpan? block = null, CancellationToken cancellationToken = default)
    {
        var results = await client.XReadAsync([new StreamPosition(key, afterId)], count, block, cancellationToken).ConfigureAwait(false);
        return results.Count == 0 ? [] : results[0].Entries;
    }

    /// <summary>XREAD of several streams; streams with nothing new are left out of the result.</summary>
    public static async Task<IReadOnlyList<StreamReadResult>> XReadAsync(this StreamsClient client, IReadOnlyList<StreamPosition> streams, long? count = null, TimeSpan? block = null, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XREAD");
        if (count is { } n) command.Add("COUNT").Add(n);
        if (block is { } wait) command.Add("BLOCK").Add(wait);
        command.Block = block;
        AddStreams(command, streams);
        return ReplyReading.ReadResults(await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false));
    }

    internal static void AddFields(CommandBuilder command, IReadOnlyList<StreamField> fields)
    {
        if (fields.Count == 0) throw new ArgumentException("A stream entry needs at least one field.", nameof(fields));
        foreach (var field in fields) command.Add(field.Name).Add(field.Value);
    }

    internal static void AddStreams(CommandBuilder command, IReadOnlyList<StreamPosition> streams)
    {
        if (streams.Count == 0) throw new ArgumentException("Name at least one stream.", nameof(streams));
        command.Add("STREAMS");
        foreach (var stream in streams) command.Add(stream.Key);
        foreach (var stream in streams) command.Add(stream.Id);
    }
}
