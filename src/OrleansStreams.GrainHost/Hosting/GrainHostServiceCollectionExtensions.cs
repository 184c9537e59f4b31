using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansStreams.GrainHost;

public static class GrainHostServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime, <see cref="IGrainFactory"/>, the idle collector / shutdown hosted service, the
    /// reminder service (<see cref="IReminderRegistry"/>, stored in the journal storage), and in-memory storage. TimeProvider and both storages are added with TryAdd: register replacements before or
    /// after this call (a replacement registered after must use Replace or RemoveAll first).
    /// </summary>
    public static GrainHostBuilder AddGrainHost(this IServiceCollection services, Action<GrainHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<GrainHostOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJournalStorage, MemoryJournalStorage>();
        services.TryAddSingleton<IGrainStorage, MemoryGrainStorage>();
        services.TryAddSingleton(sp => new GrainRuntime(
            sp,
            sp.GetServices<GrainTypeRegistration>(),
            sp.GetRequiredService<IOptions<GrainHostOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IJournalStorage>(),
            sp.GetRequiredService<IGrainStorage>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>().GrainFactory);
        services.AddHostedService<GrainHostedService>();
        // After the collector: started later, so stopped first, before the activations are deactivated.
        services.AddOptions<ReminderOptions>();
        services.TryAddSingleton<GrainReminderService>();
        services.TryAddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<GrainReminderService>());
        services.AddHostedService(sp => sp.GetRequiredService<GrainReminderService>());
        return new GrainHostBuilder(services);
    }
}
