using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using OrleansStreams.Api.Entries;
using OrleansStreams.Api.Observability;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Streams;

/// <summary>A live tail: every entry appended after a given ID, as server-sent events, until the caller goes away.</summary>
public static class StreamTail
{
    public const string EntryEvent = "entry";

    /// <summary>
    /// First event of every stream: says the API is following from <c>after</c>. It also makes the response start at
    /// once, so a caller knows its subscription is live before anything is appended.
    /// </summary>
    public const string ReadyEvent = "ready";

    /// <summary>How long one blocking read waits before it is re-issued; bounds how late a vanished caller is noticed.</summary>
    internal static readonly TimeSpan BlockFor = TimeSpan.FromSeconds(5);

    private const long BatchSize = 100;

    /// <summary>The ID to tail after: "$" is fixed to the current last ID once, so nothing appended between reads is missed.</summary>
    public static async Task<string> ResolveStartAsync(StreamsClient client, string key, string from, CancellationToken cancellationToken)
    {
        if (from != "$") return from;
        try
        {
            return (await client.XInfoStreamAsync(key, cancellationToken)).LastGeneratedId;
        }
        catch (StreamsServerException exception) when (exception.Message.StartsWith("ERR no such key", StringComparison.Ordinal))
        {
            // A stream that does not exist yet is tailed from its beginning.
            return "0-0";
        }
    }

    /// <summary>
    /// What is already there after the start, read without waiting before the response starts, so that a bad ID or a
    /// wrong-type key still gets a problem reply.
    /// </summary>
    public static Task<IReadOnlyList<StreamEntry>> ReadFirstAsync(StreamsClient client, string key, string afterId, CancellationToken cancellationToken) =>
        client.XReadAsync(key, afterId, BatchSize, null, cancellationToken);

    public static async IAsyncEnumerable<SseItem<TailEvent>> FollowAsync(
        StreamsClient client, ApiInstruments instruments, string key, string afterId, IReadOnlyList<StreamEntry> first, FieldEncoding encoding,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kind = ApiInstruments.Kind("tail");
        instruments.ActiveEventStreams.Add(1, kind);
        try
        {
            await foreach (var item in ReadAsync(client, key, afterId, first, encoding, cancellationToken))
            {
                if (item.EventType == EntryEvent) instruments.EventsSent.Add(1, kind);
                yield return item;
            }
        }
        finally
        {
            instruments.ActiveEventStreams.Add(-1, kind);
        }
    }

    private static async IAsyncEnumerable<SseItem<TailEvent>> ReadAsync(
        StreamsClient client, string key, string afterId, IReadOnlyList<StreamEntry> first, FieldEncoding encoding,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Ready(key, afterId);
        var after = afterId;
        foreach (var entry in first)
        {
            after = entry.Id;
            yield return Entry(entry, encoding);
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = await EventStreamRead.RunAsync(() => client.XReadAsync(key, after, BatchSize, BlockFor, cancellationToken), cancellationToken);
            if (read.Error is { } error)
            {
                yield return Error(error);
                yield break;
            }
            foreach (var entry in read.Entries)
            {
                after = entry.Id;
                yield return Entry(entry, encoding);
            }
        }
    }

    /// <summary>Sent as the ready event's <c>retry:</c>, so an EventSource that loses the stream comes back soon, after its last ID.</summary>
    internal static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    internal static SseItem<TailEvent> Ready(string key, string after) => new(new ReadyEvent(key, after), ReadyEvent) { ReconnectionInterval = Reconnect };

    internal static SseItem<TailEvent> Error(ErrorEvent error) => new(error, EventStreamRead.ErrorEventName);

    internal static SseItem<TailEvent> Entry(StreamEntry entry, FieldEncoding encoding) =>
        new(EntryResponse.From(entry, encoding), EntryEvent) { EventId = entry.Id };
}
