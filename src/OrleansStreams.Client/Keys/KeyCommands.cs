namespace OrleansStreams.Client;

/// <summary>Typed commands on keys of any type, and the plain string keys the event-sourcing helper keeps checkpoints in.</summary>
public static class KeyCommands
{
    public static async Task PingAsync(this StreamsClient client, CancellationToken cancellationToken = default) =>
        await client.SendCheckedAsync(new CommandBuilder("PING"), cancellationToken).ConfigureAwait(false);

    /// <summary>DEL; returns how many of the keys existed.</summary>
    public static async Task<long> DelAsync(this StreamsClient client, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("DEL");
        foreach (var key in keys) command.Add(key);
        return (await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false)).AsInt64();
    }

    public static Task<long> DelAsync(this StreamsClient client, string key, CancellationToken cancellationToken = default) =>
        client.DelAsync([key], cancellationToken);

    public static async Task<long> ExistsAsync(this StreamsClient client, string key, CancellationToken cancellationToken = default) =>
        (await client.SendCheckedAsync(new CommandBuilder("EXISTS").Add(key), cancellationToken).ConfigureAwait(false)).AsInt64();

    /// <summary>GET; null when the key does not exist.</summary>
    public static async Task<StreamValue?> GetAsync(this StreamsClient client, string key, CancellationToken cancellationToken = default)
    {
        var reply = await client.SendCheckedAsync(new CommandBuilder("GET").Add(key), cancellationToken).ConfigureAwait(false);
        return reply.IsNull ? null : (StreamValue?)ReplyReading.Value(reply);
    }

    public static async Task SetAsync(this StreamsClient client, string key, StreamValue value, CancellationToken cancellationToken = default) =>
        await client.SendCheckedAsync(new CommandBuilder("SET").Add(key).Add(value), cancellationToken).ConfigureAwait(false);
}
