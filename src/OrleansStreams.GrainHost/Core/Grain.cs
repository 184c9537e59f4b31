using Microsoft.Extensions.DependencyInjection;

namespace OrleansStreams.GrainHost;

/// <summary>
/// Base class of grain implementations. Grain code runs only inside turns: never use ConfigureAwait(false) or
/// Task.Run in it, and take time from <see cref="TimeProvider"/>.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>Set by the runtime before <see cref="OnActivateAsync"/>.</summary>
    public IGrainContext Context
    {
        get => _context ?? throw new InvalidOperationException("The grain is not activated.");
        internal set => _context = value;
    }

    public GrainId GrainId => Context.GrainId;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    protected TimeProvider TimeProvider => Context.TimeProvider;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
        => Context.RegisterGrainTimer(callback, state, options);

    /// <summary>Registers (or changes the period of) a durable reminder of this grain; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan period)
        => Context.Services.GetRequiredService<IReminderRegistry>().RegisterOrUpdateAsync(GrainId, reminderName, period);

    protected Task UnregisterReminderAsync(string reminderName)
        => Context.Services.GetRequiredService<IReminderRegistry>().UnregisterAsync(GrainId, reminderName);

    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    protected void DelayDeactivation(TimeSpan timeSpan) => Context.DelayDeactivation(timeSpan);
}
