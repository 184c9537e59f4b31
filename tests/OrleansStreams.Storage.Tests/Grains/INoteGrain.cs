using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

public interface INoteGrain : IGrainWithStringKey
{
    ValueTask<int> AddAsync(string note);

    ValueTask<string[]> GetAsync();

    ValueTask CompactAsync();
}
