using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.GrainHost;

/// <summary>
/// The catalog of activations in this process: at most one activation per <see cref="GrainId"/>, created on
/// first call, collected when idle, and deactivated on shutdown.
/// </summary>
public sealed class GrainRuntime
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly FrozenDictionary<Type, GrainTypeRegistration> _registrations;
    private readonly FrozenDictionary<string, GrainTypeRegistration> _registrationsByType;
    private readonly int _maxActivations;
    private int _activationCount;
    private volatile bool _stopping;

    internal GrainRuntime(
        IServiceProvider services,
        IEnumerable<GrainTypeRegistration> registrations,
        GrainHostOptions options,
        TimeProvider timeProvider,
        IJournalStorage journalStorage,
        IGrainStorage grainStorage,
        ILoggerFactory loggerFactory,
        IMeterFactory? meterFactory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CollectionAge, TimeSpan.Zero, nameof(options.CollectionAge));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CollectionQuantum, TimeSpan.Zero, nameof(options.CollectionQuantum));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxActivations, nameof(options.MaxActivations));

        var byInterface = new Dictionary<Type, GrainTypeRegistration>();
        var grainTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!byInterface.TryAdd(registration.InterfaceType, registration))
            {
                throw new InvalidOperationException($"Grain interface {registration.InterfaceType} is registered twice.");
            }

            if (!grainTypes.Add(registration.GrainType))
            {
                throw new InvalidOperationException($"Grain type '{registration.GrainType}' is registered twice.");
            }
        }

        _registrations = byInterface.ToFrozenDictionary();
        _registrationsByType = byInterface.Values.ToFrozenDictionary(r => r.GrainType, StringComparer.Ordinal);
        _maxActivations = options.MaxActivations;
        Services = services;
        TimeProvider = timeProvider;
        CollectionAge = options.CollectionAge;
        JournalStorage = journalStorage;
        GrainStorage = grainStorage;
        Logger = loggerFactory.CreateLogger<GrainRuntime>();
        GrainFactory = new GrainFactory(this);
        Instruments = new GrainHostInstruments(meterFactory);
    }

    internal GrainHostInstruments Instruments { get; }

    public IGrainFactory GrainFactory { get; }

    /// <summary>Activations currently in the catalog, including those activating or deactivating.</summary>
    public int ActivationCount => Volatile.Read(ref _activationCount);

    internal IServiceProvider Services { get; }

    internal TimeProvider TimeProvider { get; }

    internal TimeSpan CollectionAge { get; }

    internal IJournalStorage JournalStorage { get; }

    internal IGrainStorage GrainStorage { get; }

    internal ILogger Logger { get; }

    /// <summary>One sweep of the idle collector; completes when the activations it chose are deactivated.</summary>
    public Task CollectIdleActivationsAsync()
    {
        var now = TimeProvider.GetTimestamp();
        List<Task>? deactivations = null;
        foreach (var (_, activation) in _activations)
        {
            if (activation.MayBeIdle(now))
            {
                (deactivations ??= []).Add(activation.CollectIfIdleAsync());
            }
        }

        return deactivations is null ? Task.CompletedTask : Task.WhenAll(deactivations);
    }

    /// <summary>
    /// Shutdown: refuses new activations, lets each activation finish its queued requests, then deactivates it.
    /// The runtime cannot be used afterwards.
    /// </summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken = default)
    {
        _stopping = true;
        // Loop because an activation created concurrently with the first snapshot would otherwise be missed.
        while (!_activations.IsEmpty)
        {
            var deactivations = _activations.Values.Select(a => a.DeactivateAsync(DeactivationReason.ShuttingDown, drainQueue: true)).ToArray();
            await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Calls a grain known only by its ID through an interface it implements (reminder ticks reach grains this way).
    /// Activates it if needed; fails when the grain type is unknown or does not implement <typeparamref name="TGrain"/>.
    /// </summary>
    internal ValueTask InvokeAsync<TGrain>(GrainId grainId, Func<TGrain, ValueTask> request)
    {
        if (!_registrationsByType.TryGetValue(grainId.Type, out var registration))
        {
            return ValueTask.FromException(new InvalidOperationException($"No grain type '{grainId.Type}' is registered."));
        }

        if (!typeof(TGrain).IsAssignableFrom(registration.ImplementationType))
        {
            return ValueTask.FromException(new InvalidOperationException($"Grain type '{grainId.Type}' does not implement {typeof(TGrain).Name}."));
        }

        try
        {
            return GetOrCreateActivation(grainId, registration).InvokeAsync(request, CancellationToken.None);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    internal bool IsActive(GrainId grainId) => _activations.ContainsKey(grainId);

    internal GrainTypeRegistration GetRegistration(Type interfaceType)
        => _registrations.TryGetValue(interfaceType, out var registration)
            ? registration
            : throw new InvalidOperationException($"No grain implementation is registered for {interfaceType}. Call AddGrain on the grain host builder.");

    internal ActivationData GetOrCreateActivation(GrainId grainId, GrainTypeRegistration registration)
        => _activations.TryGetValue(grainId, out var activation) ? activation : CreateActivation(grainId, registration);

    private ActivationData CreateActivation(GrainId grainId, GrainTypeRegistration registration)
    {
        if (_stopping)
        {
            throw new InvalidOperationException($"The grain host is stopping; {grainId} cannot be activated.");
        }

        if (_maxActivations > 0 && Volatile.Read(ref _activationCount) >= _maxActivations)
        {
            throw new InvalidOperationException($"The grain host holds its maximum of {_maxActivations} activations; {grainId} cannot be activated.");
        }

        // Concurrent first calls race here; only the winner is started and the others use it.
        var created = new ActivationData(this, registration, grainId);
        while (true)
        {
            if (_activations.TryAdd(grainId, created))
            {
                Interlocked.Increment(ref _activationCount);
                Instruments.Activated(registration.GrainType);
                created.Start();
                return created;
            }

            if (_activations.TryGetValue(grainId, out var existing))
            {
                return existing;
            }
        }
    }

    /// <summary>Sends an item whose activation went away to the current (or a new) activation.</summary>
    internal void Dispatch(WorkItem item, GrainId grainId, GrainTypeRegistration registration)
    {
        ActivationData activation;
        try
        {
            activation = GetOrCreateActivation(grainId, registration);
        }
        catch (Exception exception)
        {
            item.Fail(exception);
            return;
        }

        activation.Enqueue(item);
    }

    internal void Remove(ActivationData activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation)))
        {
            Interlocked.Decrement(ref _activationCount);
            Instruments.Removed(activation.Registration.GrainType);
        }
    }
}
