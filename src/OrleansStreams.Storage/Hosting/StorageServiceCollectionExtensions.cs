using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Stores grain journals in a SQLite file under <paramref name="dataDirectory"/>, replacing any earlier
    /// <see cref="IJournalStorage"/> registration (the grain host adds its in-memory one with TryAdd, so the order
    /// of the two calls does not matter). Also registers <see cref="IJournalCatalog"/> and opens the file at host start-up.
    /// </summary>
    public static IServiceCollection AddSqliteJournalStorage(
        this IServiceCollection services,
        string dataDirectory,
        DurabilityMode durability = DurabilityMode.Always,
        Action<SqliteJournalStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SqliteJournalStorageOptions { DataDirectory = dataDirectory, Durability = durability };
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteJournalStorage(
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>()));
        return services.UseJournalStorage<SqliteJournalStorage>(static (storage, cancellationToken) => storage.InitializeAsync(cancellationToken));
    }

    /// <summary>
    /// Stores grain journals in PostgreSQL (tables in schema "orleansstreams" unless configured), replacing any
    /// earlier <see cref="IJournalStorage"/> registration. Also registers <see cref="IJournalCatalog"/> and
    /// connects (creating the schema if needed) at host start-up.
    /// </summary>
    public static IServiceCollection AddPostgresJournalStorage(
        this IServiceCollection services,
        string connectionString,
        DurabilityMode durability = DurabilityMode.Always,
        Action<PostgresJournalStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PostgresJournalStorageOptions { ConnectionString = connectionString, Durability = durability };
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgresJournalStorage(
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>()));
        return services.UseJournalStorage<PostgresJournalStorage>(static (storage, cancellationToken) => storage.InitializeAsync(cancellationToken));
    }

    private static IServiceCollection UseJournalStorage<TStorage>(this IServiceCollection services, Func<TStorage, CancellationToken, Task> initialize)
        where TStorage : class, IJournalStorage, IJournalCatalog
    {
        services.RemoveAll<IJournalStorage>();
        services.RemoveAll<IJournalCatalog>();
        services.AddSingleton<IJournalStorage>(sp => sp.GetRequiredService<TStorage>());
        services.AddSingleton<IJournalCatalog>(sp => sp.GetRequiredService<TStorage>());
        services.AddHostedService(sp => new JournalStorageStartup(ct => initialize(sp.GetRequiredService<TStorage>(), ct)));
        return services;
    }
}
