using System.Collections.Concurrent;
using OrleansStreams.GrainHost;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// Group commit for one stream: XADDs that arrive for a key while an earlier call to its grain is in flight wait
/// and then go to the grain together, as one call (one turn, one journal commit). The grain commits before it
/// answers, so with a durable store a lone XADD pays one commit and fifty concurrent XADDs share one instead of
/// queueing for fifty. Each connection runs its commands one after another, so per-client order is unchanged.
/// </summary>
public sealed class StreamAppendBatcher(IGrainFactory grains)
{
    // Bounds one turn: a large batch would delay other calls to the grain and the first appender's reply.
    private const int MaxBatch = 256;

    private readonly ConcurrentDictionary<string, KeyQueue> _queues = new(StringComparer.Ordinal);

    public async ValueTask<StreamAddResult> AddAsync(string key, StreamAddRequest request)
    {
        while (true)
        {
            var queue = _queues.GetOrAdd(key, static _ => new KeyQueue());
            Task<StreamAddResult> waiting;
            lock (queue)
            {
                if (queue.Retired) continue;
                if (queue.InFlight)
                {
                    var pending = new PendingAdd(request);
                    queue.Pending.Enqueue(pending);
                    waiting = pending.Reply.Task;
                }
                else
                {
                    queue.InFlight = true;
                    waiting = null!;
                }
            }

            if (waiting is not null) return await waiting.ConfigureAwait(false);
            return await AddFirstAsync(key, queue, request).ConfigureAwait(false);
        }
    }

    /// <summary>XADDs waiting for the key's in-flight call to end.</summary>
    internal int QueuedCount(string key)
    {
        if (!_queues.TryGetValue(key, out var queue)) return 0;
        lock (queue) return queue.Pending.Count;
    }

    /// <summary>The caller that found the key idle sends its own XADD at once, then hands what queued meanwhile to a drain.</summary>
    private async ValueTask<StreamAddResult> AddFirstAsync(string key, KeyQueue queue, StreamAddRequest request)
    {
        try
        {
            return await grains.GetGrain<IStreamGrain>(key).InvokeAsync(g => g.AddAsync(request)).ConfigureAwait(false);
        }
        finally
        {
            if (!TryRetire(key, queue)) _ = Task.Run(() => DrainAsync(key, queue));
        }
    }

    private async Task DrainAsync(string key, KeyQueue queue)
    {
        do
        {
            PendingAdd[] batch;
            lock (queue)
            {
                batch = new PendingAdd[Math.Min(queue.Pending.Count, MaxBatch)];
                for (var i = 0; i < batch.Length; i++) batch[i] = queue.Pending.Dequeue();
            }

            var requests = new StreamAddRequest[batch.Length];
            for (var i = 0; i < batch.Length; i++) requests[i] = batch[i].Request;
            try
            {
                var results = await grains.GetGrain<IStreamGrain>(key).InvokeAsync(g => g.AddBatchAsync(requests)).ConfigureAwait(false);
                for (var i = 0; i < batch.Length; i++) batch[i].Reply.TrySetResult(results[i]);
            }
            catch (Exception exception)
            {
                // The batch shared one commit: when it failed, none of its XADDs is acknowledged.
                foreach (var pending in batch) pending.Reply.TrySetException(exception);
            }
        }
        while (!TryRetire(key, queue));
    }

    /// <summary>Ends the in-flight call; true when nothing is queued, so the key's queue is dropped.</summary>
    private bool TryRetire(string key, KeyQueue queue)
    {
        lock (queue)
        {
            if (queue.Pending.Count > 0) return false;
            queue.InFlight = false;
            queue.Retired = true;
            _queues.TryRemove(new KeyValuePair<string, KeyQueue>(key, queue));
            return true;
        }
    }

    private sealed class KeyQueue
    {
        public Queue<PendingAdd> Pending { get; } = new();

        public bool InFlight { get; set; }

        /// <summary>Removed from the map: a caller that still found it takes a fresh one.</summary>
        public bool Retired { get; set; }
    }

    private sealed class PendingAdd(StreamAddRequest request)
    {
        public StreamAddRequest Request { get; } = request;

        // Continuations run off the drain loop, so one slow reply writer cannot hold up the next batch.
        public TaskCompletionSource<StreamAddResult> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
