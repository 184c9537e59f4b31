namespace OrleansStreams.Silo.Commands.Transactions;

/// <summary>
/// Makes EXEC atomic: ordinary commands enter shared, EXEC enters exclusive, so no other command interleaves with
/// a transaction. A waiting EXEC stops new shared entries so it cannot starve.
/// </summary>
public sealed class ExecutionGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _exclusiveWaiters = new();
    private TaskCompletionSource? _sharedReleased;
    private TaskCompletionSource _exclusiveReleased = NewSignal();
    private int _shared;
    private bool _exclusive;

    public ValueTask EnterSharedAsync(CancellationToken cancellationToken)
    {
        Task wait;
        lock (_lock)
        {
            if (!_exclusive && _exclusiveWaiters.Count == 0)
            {
                _shared++;
                return ValueTask.CompletedTask;
            }
            wait = _exclusiveReleased.Task;
        }
        return WaitThenEnterSharedAsync(wait, cancellationToken);
    }

    private async ValueTask WaitThenEnterSharedAsync(Task wait, CancellationToken cancellationToken)
    {
        await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        await EnterSharedAsync(cancellationToken).ConfigureAwait(false);
    }

    public void ExitShared()
    {
        TaskCompletionSource? released = null;
        lock (_lock)
        {
            _shared--;
            if (_shared == 0 && _sharedReleased is not null)
            {
                released = _sharedReleased;
                _sharedReleased = null;
            }
        }
        released?.TrySetResult();
    }

    public async ValueTask EnterExclusiveAsync(CancellationToken cancellationToken)
    {
        var turn = NewSignal();
        Task? drained = null;
        lock (_lock)
        {
            _exclusiveWaiters.Enqueue(turn);
            if (_exclusiveWaiters.Count == 1 && !_exclusive) turn.TrySetResult();
        }
        await turn.Task.ConfigureAwait(false);
        lock (_lock)
        {
            _exclusive = true;
            if (_shared > 0)
            {
                _sharedReleased = NewSignal();
                drained = _sharedReleased.Task;
            }
        }
        if (drained is not null) await drained.ConfigureAwait(false);
        _ = cancellationToken;
    }

    public void ExitExclusive()
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            _exclusive = false;
            _exclusiveWaiters.Dequeue();
            if (_exclusiveWaiters.TryPeek(out var next))
            {
                next.TrySetResult();
                return;
            }
            released = _exclusiveReleased;
            _exclusiveReleased = NewSignal();
        }
        released.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
