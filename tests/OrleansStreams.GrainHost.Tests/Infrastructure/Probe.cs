using System.Collections.Concurrent;

namespace OrleansStreams.GrainHost.Tests;

/// <summary>Shared with the test grains through DI: counts lifecycle events and hands out named signals and gates.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private int _constructions;
    private int _activations;
    private int _failActivations;

    public int Constructions => Volatile.Read(ref _constructions);

    public int Activations => Volatile.Read(ref _activations);

    public ConcurrentQueue<(GrainId GrainId, DeactivationReason Reason)> Deactivations { get; } = new();

    public CancellationToken LastTickToken { get; set; }

    /// <summary>When set, OnActivateAsync waits for it.</summary>
    public Task? ActivationGate { get; set; }

    public int NextConstruction() => Interlocked.Increment(ref _constructions);

    public void FailNextActivations(int count) => Volatile.Write(ref _failActivations, count);

    public void OnActivated()
    {
        Interlocked.Increment(ref _activations);
        if (Interlocked.Decrement(ref _failActivations) >= 0)
        {
            throw new InvalidOperationException("Activation failed on purpose.");
        }
    }

    public void OnDeactivated(GrainId grainId, DeactivationReason reason)
    {
        Deactivations.Enqueue((grainId, reason));
        Signal($"deactivated:{grainId.Key}");
    }

    public void Signal(string name) => Get(name).TrySetResult();

    public Task WhenSignalled(string name) => Get(name).Task.WaitAsync(TestTimeouts.Default);

    public bool IsSignalled(string name) => Get(name).Task.IsCompleted;

    private TaskCompletionSource Get(string name) => _signals.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
