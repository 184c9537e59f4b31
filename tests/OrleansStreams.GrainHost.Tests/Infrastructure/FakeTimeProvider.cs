namespace OrleansStreams.GrainHost.Tests;

/// <summary>A clock that moves only when told; due timers fire on the thread that calls <see cref="Advance"/>.</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _scheduled = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _countWaiters = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public int ScheduledTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _scheduled.Count;
            }
        }
    }

    /// <summary>Completes when exactly <paramref name="count"/> timers are scheduled (e.g. once a tick re-armed its timer).</summary>
    public Task WhenScheduledTimerCountIs(int count)
    {
        lock (_lock)
        {
            if (_scheduled.Count == count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _countWaiters.Add((count, reached));
            return reached.Task.WaitAsync(TestTimeouts.Default);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, stopping at each due time on the way to fire that timer.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? due = null;
            lock (_lock)
            {
                foreach (var timer in _scheduled)
                {
                    if (timer.DueAt <= target && (due is null || timer.DueAt < due.DueAt))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    _now = target;
                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt;
                }

                if (due.Period > TimeSpan.Zero && due.Period != Timeout.InfiniteTimeSpan)
                {
                    due.DueAt = _now + due.Period;
                }
                else
                {
                    _scheduled.Remove(due);
                    NotifyCountWaiters();
                }
            }

            due.Fire();
        }
    }

    internal void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _scheduled.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                NotifyCountWaiters();
                return;
            }

            timer.DueAt = _now + dueTime;
            timer.Period = period;
            _scheduled.Add(timer);
            NotifyCountWaiters();
        }
    }

    internal void Unschedule(FakeTimer timer)
    {
        lock (_lock)
        {
            _scheduled.Remove(timer);
            NotifyCountWaiters();
        }
    }

    private void NotifyCountWaiters()
    {
        for (var i = _countWaiters.Count - 1; i >= 0; i--)
        {
            if (_countWaiters[i].Count == _scheduled.Count)
            {
                _countWaiters[i].Reached.TrySetResult();
                _countWaiters.RemoveAt(i);
            }
        }
    }
}
