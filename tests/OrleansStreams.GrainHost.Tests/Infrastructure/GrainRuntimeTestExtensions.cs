using Microsoft.Extensions.DependencyInjection;

namespace OrleansStreams.GrainHost.Tests;

public static class GrainRuntimeTestExtensions
{
    public static IGrainStorage GrainStorageForTests(this GrainRuntime runtime) => runtime.GrainStorage;

    public static IJournalStorage JournalStorageForTests(this GrainRuntime runtime) => runtime.JournalStorage;

    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}
