using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.GrainHost;

/// <summary>
/// Runs an activation's code on one thread at a time. Grain code runs with this as the current
/// <see cref="SynchronizationContext"/>, so its await continuations come back here instead of running in parallel
/// (this is what keeps interleaving timer ticks from racing a request). A caller finding it idle runs inline
/// without a thread-pool hop.
/// </summary>
internal sealed class ActivationScheduler(ILogger logger) : SynchronizationContext, IThreadPoolWorkItem
{
    // Bounds one thread-pool visit so a busy activation cannot starve the pool.
    private const int MaxItemsPerVisit = 64;

    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly ILogger _logger = logger;
    private int _busy;

    public override void Post(SendOrPostCallback d, object? state)
    {
        _queue.Enqueue((d, state));
        ScheduleIfIdle();
    }

    // Blocking on an activation from inside another would deadlock; no caller needs it.
    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Send is not supported on a grain activation.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Claims the scheduler for the calling thread; on success the caller must call <see cref="Exit"/>.</summary>
    public bool TryEnter(out SynchronizationContext? previous)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            previous = null;
            return false;
        }

        previous = Current;
        SetSynchronizationContext(this);
        return true;
    }

    public void Exit(SynchronizationContext? previous)
    {
        SetSynchronizationContext(previous);
        Release();
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < MaxItemsPerVisit && _queue.TryDequeue(out var item); i++)
            {
                try
                {
                    item.Callback(item.State);
                }
                catch (Exception exception)
                {
                    // Continuations of async methods never throw here; anything else is a runtime bug worth seeing.
                    _logger.LogError(exception, "Unhandled exception in a grain activation work item.");
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
            Release();
        }
    }

    private void Release()
    {
        // A full fence (not a release write) so a concurrent Post either sees the scheduler idle or we see its item.
        Interlocked.Exchange(ref _busy, 0);
        if (!_queue.IsEmpty)
        {
            ScheduleIfIdle();
        }
    }

    private void ScheduleIfIdle()
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
