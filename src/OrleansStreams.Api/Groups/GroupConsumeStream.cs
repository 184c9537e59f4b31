using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using OrleansStreams.Api.Entries;
using OrleansStreams.Api.Observability;
using OrleansStreams.Api.Streams;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Groups;

/// <summary>
/// Consuming as a group member over server-sent events: entries are read with XREADGROUP (never NOACK), so each stays
/// pending until the caller acknowledges it through the ack endpoint; one the caller never acknowledges is
/// reclaimable by the group like any other.
/// </summary>
public static class GroupConsumeStream
{
    private const long BatchSize = 100;

    private static readonly TimeSpan PendingRecheck = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The consumer's own pending entries first (when asked, e.g. after a reconnect), read before the response starts
    /// so that NOGROUP and other errors still become a problem reply.
    /// </summary>
    public static async Task<IReadOnlyList<StreamEntry>> ReadPendingAsync(StreamsClient client, string key, string group, string consumer, long count, CancellationToken cancellationToken) =>
        await client.XReadGroupAsync(group, consumer, key, "0", count, cancellationToken: cancellationToken);

    public static async IAsyncEnumerable<SseItem<TailEvent>> FollowAsync(
        StreamsClient client, ApiInstruments instruments, ConsumeSettings settings, IReadOnlyList<StreamEntry> pending,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kind = ApiInstruments.Kind("consume");
        instruments.ActiveEventStreams.Add(1, kind);
        try
        {
            await foreach (var item in ReadAsync(client, settings, pending, cancellationToken))
            {
                if (item.EventType == StreamTail.EntryEvent) instruments.EventsSent.Add(1, kind);
                yield return item;
            }
        }
        finally
        {
            instruments.ActiveEventStreams.Add(-1, kind);
        }
    }

    private static async IAsyncEnumerable<SseItem<TailEvent>> ReadAsync(
        StreamsClient client, ConsumeSettings settings, IReadOnlyList<StreamEntry> pending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (key, group, consumer, count, _, encoding) = settings;
        yield return StreamTail.Ready(key, pending.Count > 0 ? "0" : ">");
        var history = pending;
        while (history.Count > 0)
        {
            foreach (var entry in history) yield return Event(entry, encoding);
            if (history.Count < count) break;
            var after = history[^1].Id;
            var next = await EventStreamRead.RunAsync(() => client.XReadGroupAsync(group, consumer, key, after, count, cancellationToken: cancellationToken), cancellationToken);
            if (next.Error is { } error)
            {
                yield return StreamTail.Error(error);
                yield break;
            }
            history = next.Entries;
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            var read = await EventStreamRead.RunAsync(() => ReadNewAsync(client, settings, cancellationToken), cancellationToken);
            if (read.Error is { } error)
            {
                yield return StreamTail.Error(error);
                yield break;
            }
            foreach (var entry in read.Entries) yield return Event(entry, encoding);
        }
    }

    /// <summary>New entries, as many as the consumer has room for under <see cref="ConsumeSettings.MaxPending"/>.</summary>
    private static async Task<IReadOnlyList<StreamEntry>> ReadNewAsync(StreamsClient client, ConsumeSettings settings, CancellationToken cancellationToken)
    {
        var count = Math.Min(settings.Count, BatchSize);
        if (settings.MaxPending is { } maxPending)
        {
            var summary = await client.XPendingAsync(settings.Key, settings.Group, cancellationToken);
            var mine = summary.Consumers.FirstOrDefault(consumer => consumer.Name == settings.Consumer)?.Count ?? 0;
            var room = maxPending - mine;
            if (room <= 0)
            {
                // Acknowledgements arrive through another endpoint, so the room is looked at again a little later.
                await Task.Delay(PendingRecheck, cancellationToken);
                return [];
            }
            count = Math.Min(count, room);
        }
        return await client.XReadGroupAsync(settings.Group, settings.Consumer, settings.Key, ">", count, StreamTail.BlockFor, cancellationToken: cancellationToken);
    }

    private static SseItem<TailEvent> Event(StreamEntry entry, FieldEncoding encoding) => StreamTail.Entry(entry, encoding);
}
