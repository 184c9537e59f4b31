using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.GrainHost;

/// <summary>
/// One activation of a grain: its scheduler, request queue, current turn, timers, storage facets and lifecycle.
/// Apart from the few fields read by the collector, state is touched only while holding the scheduler.
/// </summary>
internal sealed class ActivationData : IGrainContext
{
    // Turn owners that are not queued work items.
    private static readonly object ActivationTurn = new();
    private static readonly object DeactivationTurn = new();
    private static readonly object InlineTurn = new();

    private readonly Queue<WorkItem> _pending = new();
    // Arrivals after a deactivation was requested: they go to the next activation, so they cannot starve a drain.
    private readonly Queue<WorkItem> _held = new();
    private readonly List<IDisposable> _timers = [];
    private readonly Dictionary<string, object> _facets = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private AsyncServiceScope? _scope;
    private Grain? _grain;
    private object? _turn;
    private volatile ActivationState _state = ActivationState.Activating;
    private DeactivationReason? _deactivationReason;
    private Exception? _activationFailure;
    private bool _deactivationDrainsQueue;
    private long _lastActivity;
    private long _keepAliveUntil;

    public ActivationData(GrainRuntime runtime, GrainTypeRegistration registration, GrainId grainId)
    {
        Runtime = runtime;
        Registration = registration;
        GrainId = grainId;
        Scheduler = new ActivationScheduler(runtime.Logger);
        _lastActivity = runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public IGrainFactory GrainFactory => Runtime.GrainFactory;

    public TimeProvider TimeProvider => Runtime.TimeProvider;

    public IServiceProvider Services => _scope?.ServiceProvider ?? Runtime.Services;

    internal GrainRuntime Runtime { get; }

    internal GrainTypeRegistration Registration { get; }

    internal ActivationScheduler Scheduler { get; }

    internal Grain Grain => _grain!;

    /// <summary>True once removed from the catalog; a reference holding it must look the grain up again.</summary>
    internal bool IsDefunct => _state == ActivationState.Deactivated;

    internal Task Deactivated => _deactivated.Task;

    internal ValueTask<TResult> InvokeAsync<TGrain, TState, TResult>(Func<TGrain, TState, ValueTask<TResult>> request, TState state, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        var running = Invoke(request, state, cancellationToken, out var result, out var error);
        if (running is not null)
        {
            return new ValueTask<TResult>(running, running.Version);
        }

        return error is null ? new ValueTask<TResult>(result!) : ValueTask.FromException<TResult>(error);
    }

    internal ValueTask InvokeAsync<TGrain>(Func<TGrain, ValueTask> request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        var running = Invoke<TGrain, Func<TGrain, ValueTask>, bool>(static (grain, r) => ToBoolean(r(grain)), request, cancellationToken, out _, out var error);
        if (running is not null)
        {
            return new ValueTask(running, running.Version);
        }

        return error is null ? default : ValueTask.FromException(error);
    }

    /// <summary>
    /// The hot path: when the scheduler is free and no turn runs, the request runs on the caller's thread and, if
    /// the grain completes synchronously, returns without allocating. Returns the pending request otherwise.
    /// </summary>
    private GrainRequest<TGrain, TState, TResult>? Invoke<TGrain, TState, TResult>(
        Func<TGrain, TState, ValueTask<TResult>> request, TState state, CancellationToken cancellationToken, out TResult? result, out Exception? error)
    {
        result = default;
        error = null;
        if (!Scheduler.TryEnter(out var previous))
        {
            var queued = new GrainRequest<TGrain, TState, TResult>(request, state, cancellationToken);
            Post(queued);
            return queued;
        }

        try
        {
            if (_turn is not null || _state != ActivationState.Active || _deactivationReason is not null)
            {
                var queued = new GrainRequest<TGrain, TState, TResult>(request, state, cancellationToken);
                Accept(queued);
                return queued;
            }

            _turn = InlineTurn;
            ValueTask<TResult> pending;
            try
            {
                pending = request((TGrain)(object)_grain!, state);
            }
            catch (Exception exception)
            {
                error = exception;
                EndTurn(exception);
                return null;
            }

            if (!pending.IsCompleted)
            {
                // The turn continues until the grain's task completes; the request object finishes it.
                return new GrainRequest<TGrain, TState, TResult>(this, pending);
            }

            try
            {
                result = pending.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                error = exception;
            }

            EndTurn(error);
            return null;
        }
        finally
        {
            Scheduler.Exit(previous);
        }
    }

    private static ValueTask<bool> ToBoolean(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return new ValueTask<bool>(true);
        }

        return Await(task);

        static async ValueTask<bool> Await(ValueTask task)
        {
            await task;
            return true;
        }
    }

    /// <summary>Hands an item to the activation from any thread.</summary>
    internal void Enqueue(WorkItem item)
    {
        if (SynchronizationContext.Current == Scheduler)
        {
            Accept(item);
            return;
        }

        if (Scheduler.TryEnter(out var previous))
        {
            try
            {
                Accept(item);
            }
            finally
            {
                Scheduler.Exit(previous);
            }

            return;
        }

        Post(item);
    }

    private void Post(WorkItem item)
    {
        item.Target = this;
        Scheduler.Post(static s => { var w = (WorkItem)s!; w.Target!.Accept(w); }, item);
    }

    /// <summary>Runs <paramref name="callback"/> inside the scheduler: now if possible, otherwise posted.</summary>
    internal void Run(SendOrPostCallback callback, object? state)
    {
        if (SynchronizationContext.Current == Scheduler)
        {
            callback(state);
            return;
        }

        if (Scheduler.TryEnter(out var previous))
        {
            try
            {
                callback(state);
            }
            finally
            {
                Scheduler.Exit(previous);
            }

            return;
        }

        Scheduler.Post(callback, state);
    }

    private void Accept(WorkItem item)
    {
        if (_state == ActivationState.Deactivated)
        {
            // Calls that reached a failed activation share its failure (retrying could loop forever).
            if (_activationFailure is { } failure)
            {
                item.Fail(failure);
            }
            else
            {
                item.Redirect(this);
            }

            return;
        }

        if (_deactivationReason is not null)
        {
            _held.Enqueue(item);
            return;
        }

        _pending.Enqueue(item);
        TryStartNext();
    }

    /// <summary>Starts queued turns (or a requested deactivation) while no turn is running. Inside the scheduler only.</summary>
    internal void TryStartNext()
    {
        while (_turn is null && _state == ActivationState.Active)
        {
            if (_deactivationReason is { } reason && (!_deactivationDrainsQueue || _pending.Count == 0))
            {
                _ = DeactivateCoreAsync(reason);
                return;
            }

            if (!_pending.TryDequeue(out var item))
            {
                return;
            }

            if (item.TryClaim())
            {
                _turn = item;
                item.RunTurn(this);
            }
        }
    }

    /// <summary>Ends the running turn. Inside the scheduler only; does not start the next turn.</summary>
    internal void CompleteTurn(Exception? error, bool recordActivity = true)
    {
        _turn = null;
        if (recordActivity)
        {
            RecordActivity();
        }

        ObserveError(error);
    }

    private void EndTurn(Exception? error)
    {
        CompleteTurn(error);
        TryStartNext();
    }

    /// <summary>An inconsistent-state error means this activation's state is stale: reload it in a fresh activation.</summary>
    internal void ObserveError(Exception? error)
    {
        if (error is InconsistentStateException)
        {
            RequestDeactivation(DeactivationReason.InconsistentState, drainQueue: false);
        }
    }

    internal void RecordActivity() => Volatile.Write(ref _lastActivity, TimeProvider.GetTimestamp());

    /// <summary>
    /// Asks for deactivation once the running turn ends; with <paramref name="drainQueue"/> queued requests run
    /// first, otherwise they move to the next activation. Inside the scheduler only; the caller starts it.
    /// </summary>
    private void RequestDeactivation(DeactivationReason reason, bool drainQueue)
    {
        if (_state >= ActivationState.Deactivating)
        {
            return;
        }

        if (_deactivationReason is null)
        {
            _deactivationReason = reason;
            _deactivationDrainsQueue = drainQueue;
        }
        else if (!drainQueue)
        {
            _deactivationDrainsQueue = false;
        }
    }

    internal void Start() => Run(static s => _ = ((ActivationData)s!).ActivateAsync(), this);

    private async Task ActivateAsync()
    {
        _turn = ActivationTurn;
        try
        {
            var scope = Runtime.Services.CreateAsyncScope();
            _scope = scope;
            var grain = Registration.CreateGrain(scope.ServiceProvider);
            grain.Context = this;
            _grain = grain;
            await grain.OnActivateAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "Activation of {GrainId} failed.", GrainId);
            DisposeTimers();
            await FinishAsync(exception);
            return;
        }

        _state = ActivationState.Active;
        RecordActivity();
        _turn = null;
        TryStartNext();
    }

    private async Task DeactivateCoreAsync(DeactivationReason reason)
    {
        _state = ActivationState.Deactivating;
        _turn = DeactivationTurn;
        DisposeTimers();
        try
        {
            await _grain!.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Deactivation hooks are best effort, as in Orleans.
            Runtime.Logger.LogWarning(exception, "OnDeactivateAsync of {GrainId} failed.", GrainId);
        }

        await FinishAsync(activationFailure: null);
    }

    private async Task FinishAsync(Exception? activationFailure)
    {
        _activationFailure = activationFailure;
        _state = ActivationState.Deactivated;
        Runtime.Remove(this);
        // Requests that queued behind a failed activation share its failure; otherwise they go to the next activation.
        foreach (var queue in (ReadOnlySpan<Queue<WorkItem>>)[_pending, _held])
        {
            while (queue.TryDequeue(out var item))
            {
                if (activationFailure is null)
                {
                    item.Redirect(this);
                }
                else
                {
                    item.Fail(activationFailure);
                }
            }
        }

        _turn = null;
        if (_scope is { } scope)
        {
            try
            {
                await scope.DisposeAsync();
            }
            catch (Exception exception)
            {
                Runtime.Logger.LogWarning(exception, "Disposing the services of {GrainId} failed.", GrainId);
            }
        }

        _deactivated.TrySetResult();
    }

    /// <summary>Racy pre-check for the collector, so only plausible candidates are visited.</summary>
    internal bool MayBeIdle(long now)
        => _state == ActivationState.Active
            && now >= Volatile.Read(ref _keepAliveUntil)
            && TimeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity), now) >= Runtime.CollectionAge;

    /// <summary>Deactivates the activation if it is still idle; completes when that is decided and done.</summary>
    internal Task CollectIfIdleAsync()
    {
        var decision = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        Run(static s =>
        {
            var (activation, decision) = ((ActivationData, TaskCompletionSource<Task>))s!;
            decision.SetResult(activation.CollectIfIdle());
        }, (this, decision));
        return decision.Task.Unwrap();
    }

    private Task CollectIfIdle()
    {
        var idle = _turn is null && _pending.Count == 0 && _deactivationReason is null && MayBeIdle(TimeProvider.GetTimestamp());
        if (!idle)
        {
            return Task.CompletedTask;
        }

        RequestDeactivation(DeactivationReason.ActivationIdle, drainQueue: false);
        TryStartNext();
        return Deactivated;
    }

    /// <summary>Deactivates after the queued requests (shutdown) or after the running turn.</summary>
    internal Task DeactivateAsync(DeactivationReason reason, bool drainQueue)
    {
        Run(static s =>
        {
            var (activation, reason, drainQueue) = ((ActivationData, DeactivationReason, bool))s!;
            activation.RequestDeactivation(reason, drainQueue);
            activation.TryStartNext();
        }, (this, reason, drainQueue));
        return Deactivated;
    }

    public void DeactivateOnIdle()
    {
        // DeactivateOnIdle overrides DelayDeactivation, as in Orleans.
        Volatile.Write(ref _keepAliveUntil, 0);
        Run(static s =>
        {
            var activation = (ActivationData)s!;
            activation.RequestDeactivation(DeactivationReason.ApplicationRequested, drainQueue: false);
            activation.TryStartNext();
        }, this);
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        if (timeSpan <= TimeSpan.Zero)
        {
            // A non-positive span cancels an earlier delay.
            Volatile.Write(ref _keepAliveUntil, 0);
            return;
        }

        var now = TimeProvider.GetTimestamp();
        var ticks = timeSpan.TotalSeconds * TimeProvider.TimestampFrequency;
        var until = ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
        Volatile.Write(ref _keepAliveUntil, until);
    }

    public IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_state >= ActivationState.Deactivating)
        {
            throw new InvalidOperationException($"Cannot register a timer on {GrainId}: it is deactivating.");
        }

        var timer = new GrainTimer<TState>(this, callback, state, options);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void RemoveTimer(IDisposable timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private void DisposeTimers()
    {
        IDisposable[] timers;
        lock (_timers)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    public IGrainJournal GetJournal(string stateName)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        lock (_facets)
        {
            var key = "journal/" + stateName;
            if (_facets.TryGetValue(key, out var existing))
            {
                return (IGrainJournal)existing;
            }

            var journal = new GrainJournal(Runtime.JournalStorage, GrainId, stateName, OnJournalWriteFailed);
            _facets.Add(key, journal);
            return journal;
        }
    }

    public IPersistentState<TState> GetPersistentState<TState>(string stateName) where TState : new()
    {
        ArgumentNullException.ThrowIfNull(stateName);
        lock (_facets)
        {
            var key = "state/" + stateName;
            if (_facets.TryGetValue(key, out var existing))
            {
                return existing as IPersistentState<TState>
                    ?? throw new InvalidOperationException($"State '{stateName}' of {GrainId} is already used with another type.");
            }

            var state = new PersistentState<TState>(Runtime.GrainStorage, GrainId, stateName);
            _facets.Add(key, state);
            return state;
        }
    }

    private void OnJournalWriteFailed(Exception exception)
    {
        // A failed journal write leaves an uncertain outcome: fence, deactivate, and let the next activation replay.
        var reason = exception is InconsistentStateException ? DeactivationReason.InconsistentState : DeactivationReason.ApplicationError;
        Run(static s =>
        {
            var (activation, reason) = ((ActivationData, DeactivationReason))s!;
            activation.RequestDeactivation(reason, drainQueue: false);
            activation.TryStartNext();
        }, (this, reason));
    }

    public override string ToString() => $"Activation {GrainId}";
}
