namespace OrleansStreams.GrainHost.Tests;

public sealed class FakeTimer(FakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private bool _disposed;

    internal DateTimeOffset DueAt { get; set; }

    internal TimeSpan Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (Volatile.Read(ref _disposed))
        {
            return false;
        }

        clock.Schedule(this, dueTime, period);
        return true;
    }

    internal void Fire()
    {
        if (!Volatile.Read(ref _disposed))
        {
            callback(state);
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        clock.Unschedule(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
