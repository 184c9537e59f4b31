namespace OrleansStreams.GrainHost;

/// <summary>One registered reminder: whose, its name, period, and (in memory only) when it is due next.</summary>
internal sealed class ReminderEntry(GrainId grainId, string name, TimeSpan period, long dueTimestamp)
{
    public GrainId GrainId { get; } = grainId;

    public string Name { get; } = name;

    public TimeSpan Period { get; set; } = period;

    public long DueTimestamp { get; set; } = dueTimestamp;

    /// <summary>True while a tick of this reminder runs, so a slow grain does not pile up ticks.</summary>
    public bool Firing { get; set; }
}
