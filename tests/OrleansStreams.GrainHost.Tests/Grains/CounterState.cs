namespace OrleansStreams.GrainHost.Tests;

public sealed class CounterState
{
    public long Value { get; set; }
}
