namespace OrleansStreams.GrainHost.Tests;

/// <summary>Registers reminders on request and signals "reminded:{key}:{name}:{n}" for its n-th tick in this activation.</summary>
public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain, IRemindable
{
    private int _ticks;

    public async ValueTask RegisterAsync(string name, TimeSpan period) => await RegisterOrUpdateReminderAsync(name, period);

    public async ValueTask UnregisterAsync(string name) => await UnregisterReminderAsync(name);

    public ValueTask ReceiveReminderAsync(string reminderName)
    {
        probe.Signal($"reminded:{GrainId.Key}:{reminderName}:{++_ticks}");
        return default;
    }
}
