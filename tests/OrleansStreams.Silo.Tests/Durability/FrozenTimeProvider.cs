namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// A wall clock that stands still (timers and stopwatches still run on real time), so idle times, TTLs and
/// auto-generated IDs read the same before and after a restart.
/// </summary>
public sealed class FrozenTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
