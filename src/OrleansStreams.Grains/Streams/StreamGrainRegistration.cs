using OrleansStreams.GrainHost;

namespace OrleansStreams.Grains.Streams;

public static class StreamGrainRegistration
{
    public static GrainHostBuilder AddStreamGrains(this GrainHostBuilder builder) => builder;
}
