using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Silo.Commands.Streams;
using OrleansStreams.Silo.Commands.Transactions;
using OrleansStreams.Silo.Connections;
using OrleansStreams.Silo.Hosting;

namespace OrleansStreams.Silo.Commands;

/// <summary>The shared services command handlers use.</summary>
public sealed class SiloServices(
    IGrainFactory grains,
    Keyspace keyspace,
    KeyNotifications notifications,
    TimeProvider timeProvider,
    SiloOptions options,
    ClientRegistry clients,
    WatchRegistry watches,
    ExecutionGate gate,
    StreamAppendBatcher streamAppends,
    IServiceProvider services)
{
    public IGrainFactory Grains { get; } = grains;

    public Keyspace Keyspace { get; } = keyspace;

    public KeyNotifications Notifications { get; } = notifications;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public SiloOptions Options { get; } = options;

    public ClientRegistry Clients { get; } = clients;

    public WatchRegistry Watches { get; } = watches;

    public ExecutionGate Gate { get; } = gate;

    public StreamAppendBatcher StreamAppends { get; } = streamAppends;

    public IServiceProvider Services { get; } = services;

    /// <summary>Set once the table is built (the table's COMMAND handler reads it).</summary>
    public CommandTable Commands { get; internal set; } = null!;

    public long StartedAtMs { get; } = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
