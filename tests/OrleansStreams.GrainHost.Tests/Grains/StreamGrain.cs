namespace OrleansStreams.GrainHost.Tests;

public sealed class StreamGrain : Grain, IStreamGrain
{
    private readonly Queue<TaskCompletionSource<string>> _waiters = new();
    private readonly List<string> _entries = [];

    public ValueTask<Task<string>> WaitForEntryAsync()
    {
        // Continuations must not run inline inside the appender's turn.
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue(waiter);
        return new(waiter.Task);
    }

    public ValueTask<int> AppendAsync(string entry)
    {
        _entries.Add(entry);
        if (_waiters.TryDequeue(out var waiter))
        {
            waiter.TrySetResult(entry);
        }

        return new(_entries.Count);
    }
}
