namespace OrleansStreams.Benchmarks.Phases;

public static class PhaseTimeout
{
    /// <summary>Bound for a phase that loads <paramref name="entries"/> entries into each server, then measures.</summary>
    public static TimeSpan For(long entries) => TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(entries / 2_000.0);
}
