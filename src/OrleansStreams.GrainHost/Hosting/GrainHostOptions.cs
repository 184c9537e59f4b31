namespace OrleansStreams.GrainHost;

/// <summary>Idle collection and capacity settings (Orleans' GrainCollectionOptions defaults).</summary>
public sealed class GrainHostOptions
{
    /// <summary>An activation idle for this long is deactivated by the collector.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector sweeps.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Upper bound on activations, so clients choosing keys cannot grow memory without limit; 0 means unlimited.
    /// A call needing a new activation beyond it fails.
    /// </summary>
    public int MaxActivations { get; set; }
}
