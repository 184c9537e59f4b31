using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using OrleansStreams.Api.Entries;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Streams;

/// <summary>A live tail: every entry appended after a given ID, as server-sent events, until the caller goes away.</summary>
public static class StreamTail
{
    public const string EntryEvent = "entry";

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

    public static async IAsyncEnumerable<SseItem<EntryResponse>> FollowAsync(
        StreamsClient client, string key, string afterId, FieldEncoding encoding, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = afterId;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<StreamEntry> entries;
            try
            {
                entries = await client.XReadAsync(key, after, BatchSize, BlockFor, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }
            foreach (var entry in entries)
            {
                after = entry.Id;
                yield return new SseItem<EntryResponse>(EntryResponse.From(entry, encoding), EntryEvent) { EventId = entry.Id };
            }
        }
    }
}
