namespace OrleansStreams.GrainHost.Tests;

public interface IStateCounterGrain : IGrainWithStringKey
{
    ValueTask<long> AddAsync(long delta);

    ValueTask<long> GetAsync();
}
