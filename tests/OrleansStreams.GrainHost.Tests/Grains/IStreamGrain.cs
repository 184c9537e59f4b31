namespace OrleansStreams.GrainHost.Tests;

public interface IStreamGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers a waiter in a quick turn and returns its task: the caller awaits it outside the turn, the way
    /// XREAD BLOCK waits without holding the stream grain.
    /// </summary>
    ValueTask<Task<string>> WaitForEntryAsync();

    /// <summary>Appends an entry and, inside this turn, hands it to the first waiter.</summary>
    ValueTask<int> AppendAsync(string entry);
}
