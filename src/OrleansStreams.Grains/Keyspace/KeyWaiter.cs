namespace OrleansStreams.Grains.Keyspace;

/// <summary>One blocked client's registration; dispose it when the client stops waiting.</summary>
public sealed class KeyWaiter : IDisposable
{
    private readonly KeyNotifications _owner;
    private readonly TaskCompletionSource _signaled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal KeyWaiter(KeyNotifications owner, IReadOnlyList<string> keys)
    {
        _owner = owner;
        Keys = keys;
    }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>Completes when any of the keys is signalled.</summary>
    public Task Signaled => _signaled.Task;

    internal void Wake() => _signaled.TrySetResult();

    public void Dispose() => _owner.Unregister(this);
}
