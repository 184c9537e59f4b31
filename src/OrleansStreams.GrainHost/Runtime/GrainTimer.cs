using Microsoft.Extensions.Logging;

namespace OrleansStreams.GrainHost;

/// <summary>
/// A grain timer. The underlying timer is one-shot and re-armed only after a tick's task completes, so ticks never
/// overlap and the period counts from the end of the previous tick. A tick is queued like a request unless
/// <see cref="GrainTimerCreationOptions.Interleave"/> is set; it is itself the queued work item because at most one
/// tick is outstanding.
/// </summary>
internal sealed class GrainTimer<TState> : WorkItem, IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<TState, CancellationToken, Task> _callback;
    private readonly TState _state;
    private readonly bool _interleave;
    private readonly bool _keepAlive;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private (TimeSpan DueTime, TimeSpan Period)? _pendingChange;
    private bool _tickInFlight;
    private bool _disposed;
    private Task? _tick;
    private bool _tickIsTurn;
    private Action? _onTickAwaited;

    public GrainTimer(ActivationData activation, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _callback = callback;
        _state = state;
        _interleave = options.Interleave;
        _keepAlive = options.KeepAlive;
        _dueTime = options.DueTime;
        _period = options.Period;
        _timer = activation.TimeProvider.CreateTimer(static s => ((GrainTimer<TState>)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Start()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_tickInFlight)
            {
                // Applied once the running (or queued) tick completes.
                _pendingChange = (dueTime, period);
                return;
            }

            _dueTime = dueTime;
            _period = period;
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pendingChange = null;
        }

        _timer.Dispose();
        try
        {
            _cancellation.Cancel();
        }
        catch (Exception exception)
        {
            _activation.Runtime.Logger.LogWarning(exception, "A cancellation callback of a timer on {GrainId} failed.", _activation.GrainId);
        }

        _activation.RemoveTimer(this);
    }

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed || _tickInFlight)
            {
                return;
            }

            _tickInFlight = true;
        }

        if (_interleave)
        {
            _activation.Run(static s => ((GrainTimer<TState>)s!).RunTick(asTurn: false), this);
        }
        else
        {
            _activation.Enqueue(this);
        }
    }

    internal override void RunTurn(ActivationData activation) => RunTick(asTurn: true);

    internal override void Redirect(ActivationData previous) => Drop();

    internal override void Fail(Exception exception) => Drop();

    private void Drop()
    {
        // Timers die with their activation, so a tick left in its queue just disappears.
        lock (_lock)
        {
            _tickInFlight = false;
        }
    }

    private void RunTick(bool asTurn)
    {
        if (Volatile.Read(ref _disposed) || (!asTurn && _activation.IsDefunct))
        {
            if (asTurn)
            {
                _activation.CompleteTurn(null, recordActivity: false);
            }

            Drop();
            return;
        }

        Task task;
        try
        {
            task = _callback(_state, _cancellation.Token) ?? Task.CompletedTask;
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        if (task.IsCompleted)
        {
            OnTickCompleted(task, asTurn, resumeQueue: false);
            return;
        }

        _tick = task;
        _tickIsTurn = asTurn;
        // Runs inside the scheduler, so the continuation is posted back to it.
        task.GetAwaiter().UnsafeOnCompleted(_onTickAwaited ??= OnTickAwaited);
    }

    private void OnTickAwaited()
    {
        if (SynchronizationContext.Current != _activation.Scheduler)
        {
            _activation.Scheduler.Post(static s => ((GrainTimer<TState>)s!).OnTickAwaited(), this);
            return;
        }

        var task = _tick!;
        _tick = null;
        OnTickCompleted(task, _tickIsTurn, resumeQueue: true);
    }

    private void OnTickCompleted(Task task, bool asTurn, bool resumeQueue)
    {
        var error = task.IsFaulted ? task.Exception!.InnerException : null;
        if (error is not null && !(error is OperationCanceledException && _cancellation.IsCancellationRequested))
        {
            // A failing tick does not stop the timer, as in Orleans.
            _activation.Runtime.Logger.LogError(error, "A timer callback on {GrainId} failed.", _activation.GrainId);
        }

        if (asTurn)
        {
            _activation.CompleteTurn(error, recordActivity: _keepAlive);
        }
        else
        {
            if (_keepAlive)
            {
                _activation.RecordActivity();
            }

            _activation.ObserveError(error);
        }

        Rearm();
        if (resumeQueue || !asTurn)
        {
            _activation.TryStartNext();
        }
    }

    private void Rearm()
    {
        lock (_lock)
        {
            _tickInFlight = false;
            if (_disposed)
            {
                return;
            }

            if (_pendingChange is { } change)
            {
                _pendingChange = null;
                _dueTime = change.DueTime;
                _period = change.Period;
                _timer.Change(change.DueTime, Timeout.InfiniteTimeSpan);
            }
            else if (!IsOneShot(_period))
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    // Zero, like infinite, means "no repeat", as with System.Threading.Timer.
    private static bool IsOneShot(TimeSpan period) => period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero;

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be non-negative or infinite.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be non-negative or infinite.");
        }
    }
}
