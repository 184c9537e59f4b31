using OrleansStreams.GrainHost;

namespace OrleansStreams.Grains.Hashes;

public static class HashGrainRegistration
{
    public static GrainHostBuilder AddHashGrains(this GrainHostBuilder builder) => builder;
}
