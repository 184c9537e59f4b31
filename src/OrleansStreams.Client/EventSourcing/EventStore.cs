using System.Runtime.CompilerServices;

namespace OrleansStreams.Client;

/// <summary>
/// Event sourcing over streams: one stream per aggregate, appends guarded by the expected version (XADDIF,
/// XADDMULTIIF), loading by paged XRANGE, and projections that keep their checkpoint (the last entry ID they
/// handled) in a plain key, so a restarted projection resumes where it stopped. Projections are at-least-once:
/// after a crash the last event may be handled again, so make them idempotent.
/// </summary>
public sealed class EventStore(StreamsClient client, EventStoreOptions? options = null)
{
    private readonly EventStoreOptions _options = options ?? new EventStoreOptions();

    /// <summary>
    /// Appends the events only if the stream's version is <paramref name="expectedVersion"/> (0 for a new stream),
    /// atomically: all or none. A conflict is a result with the current version, not an exception.
    /// </summary>
    public Task<ConditionalAppendResult> AppendAsync(string stream, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) throw new ArgumentException("Append at least one event.", nameof(events));
        if (events.Count == 1) return client.XAddIfAsync(stream, expectedVersion, ToFields(events[0]), cancellationToken: cancellationToken);
        return client.XAddMultiIfAsync(stream, expectedVersion, events.Select(ToFields).ToList(), cancellationToken: cancellationToken);
    }

    public Task<ConditionalAppendResult> AppendAsync(string stream, long expectedVersion, EventData @event, CancellationToken cancellationToken = default) =>
        AppendAsync(stream, expectedVersion, [@event], cancellationToken);

    /// <summary>The stream's events after <paramref name="afterId"/> (exclusive) up to <paramref name="untilId"/>, page by page.</summary>
    public async IAsyncEnumerable<RecordedEvent> ReadAsync(string stream, string afterId = "0-0", string untilId = "+", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = afterId;
        while (true)
        {
            var page = await client.XRangeAsync(stream, "(" + cursor, untilId, _options.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page) yield return ToEvent(stream, entry);
            if (page.Count < _options.PageSize) yield break;
            cursor = page[^1].Id;
        }
    }

    /// <summary>
    /// Folds the aggregate's events into its state. The version and the last ID come from one XINFO STREAM reply and
    /// the read stops at that ID, so state and version always agree even while others append.
    /// </summary>
    public async Task<AggregateState<TState>> LoadAsync<TState>(string stream, TState initial, Func<TState, RecordedEvent, TState> apply, CancellationToken cancellationToken = default)
    {
        StreamInfo info;
        try
        {
            info = await client.XInfoStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (StreamsServerException exception) when (exception.Message == "ERR no such key")
        {
            return new AggregateState<TState>(initial, 0, "0-0", 0);
        }
        var state = initial;
        var count = 0;
        if (info.Length > 0)
        {
            await foreach (var @event in ReadAsync(stream, "0-0", info.LastGeneratedId, cancellationToken).ConfigureAwait(false))
            {
                state = apply(state, @event);
                count++;
            }
        }
        return new AggregateState<TState>(state, info.EntriesAdded ?? info.Length, info.LastGeneratedId, count);
    }

    /// <summary>
    /// Runs <paramref name="project"/> over the events after the checkpoint kept in <paramref name="checkpointKey"/>,
    /// up to the end of the stream, saving the checkpoint after each event. Returns how many events it handled.
    /// </summary>
    public async Task<int> CatchUpAsync(string stream, string checkpointKey, Func<RecordedEvent, CancellationToken, Task> project, CancellationToken cancellationToken = default)
    {
        var checkpoint = await ReadCheckpointAsync(checkpointKey, cancellationToken).ConfigureAwait(false);
        var handled = 0;
        await foreach (var @event in ReadAsync(stream, checkpoint, "+", cancellationToken).ConfigureAwait(false))
        {
            await project(@event, cancellationToken).ConfigureAwait(false);
            await client.SetAsync(checkpointKey, @event.Id, cancellationToken).ConfigureAwait(false);
            handled++;
        }
        return handled;
    }

    /// <summary>
    /// A live projection: catches up from its checkpoint, then follows new events with XREAD BLOCK until cancelled,
    /// saving the checkpoint after each event.
    /// </summary>
    public async Task RunProjectionAsync(string stream, string checkpointKey, Func<RecordedEvent, CancellationToken, Task> project, CancellationToken cancellationToken)
    {
        await CatchUpAsync(stream, checkpointKey, project, cancellationToken).ConfigureAwait(false);
        var checkpoint = await ReadCheckpointAsync(checkpointKey, cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            var entries = await client.XReadAsync(stream, checkpoint, _options.PageSize, _options.ProjectionBlock, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                await project(ToEvent(stream, entry), cancellationToken).ConfigureAwait(false);
                await client.SetAsync(checkpointKey, entry.Id, cancellationToken).ConfigureAwait(false);
                checkpoint = entry.Id;
            }
        }
    }

    /// <summary>The last entry ID the projection handled, "0-0" before the first.</summary>
    public async Task<string> ReadCheckpointAsync(string checkpointKey, CancellationToken cancellationToken = default) =>
        (await client.GetAsync(checkpointKey, cancellationToken).ConfigureAwait(false))?.ToString() ?? "0-0";

    private List<StreamField> ToFields(EventData @event)
    {
        var fields = new List<StreamField>(2 + (@event.Metadata?.Count ?? 0))
        {
            new(_options.TypeField, @event.Type),
            new(_options.DataField, @event.Data),
        };
        if (@event.Metadata is not null) fields.AddRange(@event.Metadata);
        return fields;
    }

    private RecordedEvent ToEvent(string stream, StreamEntry entry)
    {
        var type = new StreamValue(_options.TypeField);
        var data = new StreamValue(_options.DataField);
        var metadata = entry.Fields.Where(field => field.Name != type && field.Name != data).ToList();
        entry.TryGetValue(_options.DataField, out var payload);
        return new RecordedEvent(stream, entry.Id, entry[_options.TypeField] ?? "", payload, metadata, entry);
    }
}
