namespace OrleansStreams.GrainHost;

/// <summary>
/// Registers reminders for grains. A registration is stored before the call completes, survives restarts, and is
/// fired at the start of every later process and then once per period until unregistered.
/// </summary>
public interface IReminderRegistry
{
    Task RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder; nothing happens when there is none.</summary>
    Task UnregisterAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);
}
