using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace OrleansStreams.GrainHost;

/// <summary>
/// A request that could not complete on the caller's thread: either it waited in the queue or the grain's task was
/// still pending. It is also the caller's promise, so the slow path costs one allocation.
/// </summary>
internal sealed class GrainRequest<TGrain, TState, TResult> : WorkItem, IValueTaskSource<TResult>, IValueTaskSource
{
    private const int Queued = 0, Claimed = 1, Abandoned = 2;

    private readonly Func<TGrain, TState, ValueTask<TResult>>? _request;
    private readonly TState _state;
    private readonly ExecutionContext? _executionContext;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenRegistration _cancellation;
    private ManualResetValueTaskSourceCore<TResult> _promise;
    private ValueTaskAwaiter<TResult> _awaiter;
    private ActivationData? _activation;
    private Action? _onGrainCompleted;
    private int _status;

    public GrainRequest(Func<TGrain, TState, ValueTask<TResult>> request, TState state, CancellationToken cancellationToken)
    {
        _request = request;
        _state = state;
        // The caller's continuation must never run inline inside the activation's scheduler.
        _promise.RunContinuationsAsynchronously = true;
        // Queued requests run later on another thread; carry the caller's ambient context (e.g. Activity) along.
        _executionContext = ExecutionContext.Capture();
        _cancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static s => ((GrainRequest<TGrain, TState, TResult>)s!).OnCancelled(), this);
        }
    }

    /// <summary>For a request that started inline and whose grain task is still pending.</summary>
    public GrainRequest(ActivationData activation, ValueTask<TResult> pending)
    {
        _state = default!;
        _promise.RunContinuationsAsynchronously = true;
        _status = Claimed;
        _activation = activation;
        AwaitGrain(pending);
    }

    public short Version => _promise.Version;

    internal override bool TryClaim()
    {
        if (Interlocked.CompareExchange(ref _status, Claimed, Queued) != Queued)
        {
            return false;
        }

        _cancellation.Unregister();
        return true;
    }

    internal override void RunTurn(ActivationData activation)
    {
        _activation = activation;
        if (_executionContext is null)
        {
            Invoke();
        }
        else
        {
            ExecutionContext.Run(_executionContext, static s => ((GrainRequest<TGrain, TState, TResult>)s!).Invoke(), this);
        }
    }

    internal override void Redirect(ActivationData previous)
    {
        if (Volatile.Read(ref _status) == Queued)
        {
            previous.Runtime.Dispatch(this, previous.GrainId, previous.Registration);
        }
    }

    internal override void Fail(Exception exception)
    {
        if (Interlocked.CompareExchange(ref _status, Abandoned, Queued) == Queued)
        {
            _cancellation.Unregister();
            _promise.SetException(exception);
        }
    }

    private void Invoke()
    {
        var activation = _activation!;
        ValueTask<TResult> pending;
        try
        {
            pending = _request!((TGrain)(object)activation.Grain, _state);
        }
        catch (Exception exception)
        {
            Complete(activation, default, exception, resumeQueue: false);
            return;
        }

        if (pending.IsCompleted)
        {
            TResult? result = default;
            Exception? error = null;
            try
            {
                result = pending.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                error = exception;
            }

            Complete(activation, result, error, resumeQueue: false);
            return;
        }

        AwaitGrain(pending);
    }

    private void AwaitGrain(ValueTask<TResult> pending)
    {
        _awaiter = pending.GetAwaiter();
        // Runs inside the scheduler, so the continuation is posted back to it (the awaiter captures the context).
        _awaiter.UnsafeOnCompleted(_onGrainCompleted ??= OnGrainCompleted);
    }

    private void OnGrainCompleted()
    {
        var activation = _activation!;
        if (SynchronizationContext.Current != activation.Scheduler)
        {
            // A custom awaitable ignored the captured context; hop back so turn bookkeeping stays serialised.
            activation.Scheduler.Post(static s => ((GrainRequest<TGrain, TState, TResult>)s!).OnGrainCompleted(), this);
            return;
        }

        TResult? result = default;
        Exception? error = null;
        try
        {
            result = _awaiter.GetResult();
        }
        catch (Exception exception)
        {
            error = exception;
        }

        _awaiter = default;
        Complete(activation, result, error, resumeQueue: true);
    }

    private void Complete(ActivationData activation, TResult? result, Exception? error, bool resumeQueue)
    {
        activation.CompleteTurn(error);
        if (error is null)
        {
            _promise.SetResult(result!);
        }
        else
        {
            _promise.SetException(error);
        }

        if (resumeQueue)
        {
            activation.TryStartNext();
        }
    }

    private void OnCancelled()
    {
        // The item stays in the queue and is skipped when dequeued.
        if (Interlocked.CompareExchange(ref _status, Abandoned, Queued) == Queued)
        {
            _promise.SetException(new OperationCanceledException(_cancellationToken));
        }
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _promise.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _promise.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _promise.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _promise.OnCompleted(continuation, state, token, flags);
}
