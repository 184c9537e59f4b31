namespace OrleansStreams.GrainHost;

/// <summary>What the runtime gives an activation: identity, clock, factory, timers, storage facets and lifetime control.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    TimeProvider TimeProvider { get; }

    IServiceProvider Services { get; }

    /// <summary>Registers a timer whose ticks run as turns of this activation; it dies with the activation.</summary>
    IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);

    /// <summary>The activation's journal named <paramref name="stateName"/> in the configured journal storage.</summary>
    IGrainJournal GetJournal(string stateName);

    /// <summary>The activation's whole-state facet named <paramref name="stateName"/> in the configured grain storage.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName) where TState : new();

    /// <summary>Asks the runtime to deactivate this activation once the current turn ends.</summary>
    void DeactivateOnIdle();

    /// <summary>Keeps the activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    void DelayDeactivation(TimeSpan timeSpan);
}
