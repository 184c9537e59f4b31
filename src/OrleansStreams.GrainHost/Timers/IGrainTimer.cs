namespace OrleansStreams.GrainHost;

/// <summary>A timer owned by one activation. Ticks never overlap; the next is scheduled after the previous completes.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period; applied after a running tick.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
