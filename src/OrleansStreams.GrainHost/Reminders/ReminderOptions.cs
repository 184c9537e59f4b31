namespace OrleansStreams.GrainHost;

public sealed class ReminderOptions
{
    /// <summary>How often due reminders are looked for; a reminder fires at most this late.</summary>
    public TimeSpan Quantum { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest period a reminder may have (Orleans' minimum is a minute; this host allows less).</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
