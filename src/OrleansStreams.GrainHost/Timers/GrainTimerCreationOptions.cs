namespace OrleansStreams.GrainHost;

/// <summary>How a grain timer behaves. <see cref="Period"/> of <see cref="Timeout.InfiniteTimeSpan"/> fires once.</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>When true a tick may run while another request is in its turn; by default ticks are ordinary turns.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true ticks count as activity and keep the activation from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
