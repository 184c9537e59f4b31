using OrleansStreams.ConsumerGroups;
using OrleansStreams.GrainHost;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>Gives consumer groups their stream through the stream grain of the key.</summary>
public sealed class StreamGrainViewProvider(IGrainFactory grains) : IStreamViewProvider
{
    public IStreamView GetStream(string streamKey) => new StreamGrainView(grains.GetGrain<IStreamGrain>(streamKey));
}
