namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>
/// A clock that moves only when told (the grain host's idle collection, grain timers and reminders read it). Timers
/// created from it fire on the thread that calls <see cref="Advance"/>, when the clock passes their due time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public long NowMs => GetUtcNow().ToUnixTimeMilliseconds();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, stopping at each due time on the way to fire that timer.</summary>
    public void Advance(TimeSpan delta)
    {
        var target = Interlocked.Read(ref _ticks) + delta.Ticks;
        while (true)
        {
            ManualTimer? due = null;
            lock (_lock)
            {
                foreach (var timer in _timers)
                {
                    if (timer.DueTicks <= target && (due is null || timer.DueTicks < due.DueTicks)) due = timer;
                }
                if (due is null)
                {
                    Interlocked.Exchange(ref _ticks, target);
                    return;
                }
                if (due.DueTicks > Interlocked.Read(ref _ticks)) Interlocked.Exchange(ref _ticks, due.DueTicks);
                if (due.PeriodTicks > 0) due.DueTicks = Interlocked.Read(ref _ticks) + due.PeriodTicks;
                else _timers.Remove(due);
            }
            due.Fire();
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan) return;
            timer.DueTicks = Interlocked.Read(ref _ticks) + dueTime.Ticks;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            _timers.Add(timer);
        }
    }

    private void Unschedule(ManualTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public long DueTicks { get; set; }

        public long PeriodTicks { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire()
        {
            if (!_disposed) callback(state);
        }

        public void Dispose()
        {
            _disposed = true;
            clock.Unschedule(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
