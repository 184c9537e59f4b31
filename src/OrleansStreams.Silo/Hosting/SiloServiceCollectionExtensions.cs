using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansStreams.Grains;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Silo.Commands;
using OrleansStreams.Silo.Commands.Connection;
using OrleansStreams.Silo.Commands.ConsumerGroups;
using OrleansStreams.Silo.Commands.Expiry;
using OrleansStreams.Silo.Commands.Hashes;
using OrleansStreams.Silo.Commands.Keys;
using OrleansStreams.Silo.Commands.Server;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Silo.Commands.Strings;
using OrleansStreams.Silo.Commands.Transactions;
using OrleansStreams.Silo.Connections;
using OrleansStreams.Silo.Diagnostics;
using OrleansStreams.Silo.Storage;

namespace OrleansStreams.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>Everything a silo needs: the grain host with the grains, the keyspace, and the RESP front end.</summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, SiloOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        // Before the grains: the store opens and the keyspace is rebuilt before their hosted services start.
        services.AddSiloStorage(options);
        services.AddOrleansStreamsGrains();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<WatchRegistry>();
        services.AddSingleton<ExecutionGate>();
        services.AddSingleton<StreamAppendBatcher>();
        services.AddSingleton<ServerConfiguration>();
        services.AddSingleton<SiloServices>();
        services.AddSingleton(provider =>
        {
            var table = new CommandTableBuilder()
                .AddConnectionCommands()
                .AddServerCommands()
                .AddKeyCommands()
                .AddTransactionCommands()
                .AddStreamCommands()
                .AddConsumerGroupCommands()
                .AddStringCommands()
                .AddHashCommands()
                .AddExpiryCommands()
                .Build();
            provider.GetRequiredService<SiloServices>().Commands = table;
            return table;
        });
        services.AddSingleton(sp => new RespInstruments(sp.GetRequiredService<ClientRegistry>(), sp.GetService<IMeterFactory>()));
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<RespConnectionHandler>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }
}
