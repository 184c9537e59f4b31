using OrleansStreams.GrainHost;

namespace OrleansStreams.Grains.Strings;

public static class StringGrainRegistration
{
    public static GrainHostBuilder AddStringGrains(this GrainHostBuilder builder) => builder;
}
