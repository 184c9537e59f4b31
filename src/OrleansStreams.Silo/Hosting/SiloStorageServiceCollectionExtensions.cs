using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Silo.Storage;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Hosting;

public static class SiloStorageServiceCollectionExtensions
{
    /// <summary>
    /// The journal store chosen by <c>--storage</c> and, for a durable one, start-up recovery of the keyspace.
    /// Call before the grains are added: hosted services start in registration order, so the store opens and the
    /// keyspace is rebuilt before any grain service or the RESP listener starts.
    /// </summary>
    public static IServiceCollection AddSiloStorage(this IServiceCollection services, SiloOptions options)
    {
        switch (options.Storage)
        {
            case StorageProvider.Memory:
                // The grain host's in-memory journals (added with TryAdd); nothing to recover.
                return services;
            case StorageProvider.Sqlite:
                services.AddSqliteJournalStorage(options.DataDir, options.Durability, sqlite => sqlite.BusyTimeout = options.SqliteBusyTimeout);
                break;
            case StorageProvider.Postgres:
                services.AddPostgresJournalStorage(options.Postgres!, options.Durability);
                break;
            default:
                throw new SiloOptionsException($"Unknown storage provider {options.Storage}.");
        }
        services.AddSingleton(sp => new GenerationStore(sp.GetRequiredService<IJournalStorage>()));
        services.AddSingleton<KeyspaceRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyspaceRecovery>());
        return services;
    }
}
