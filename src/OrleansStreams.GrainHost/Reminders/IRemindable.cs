namespace OrleansStreams.GrainHost;

/// <summary>
/// A grain that takes reminders (Orleans' IRemindable): durable, periodic wake-ups that outlive its activation and
/// the process. A tick runs as an ordinary turn, activating the grain first if needed.
/// </summary>
public interface IRemindable : IGrain
{
    ValueTask ReceiveReminderAsync(string reminderName);
}
