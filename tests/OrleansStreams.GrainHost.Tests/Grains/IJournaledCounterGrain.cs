namespace OrleansStreams.GrainHost.Tests;

public interface IJournaledCounterGrain : IGrainWithStringKey
{
    ValueTask<long> AddAsync(long delta);

    ValueTask<long> GetAsync();

    ValueTask SnapshotAsync();
}
