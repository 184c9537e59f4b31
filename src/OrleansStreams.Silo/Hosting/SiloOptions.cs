using Microsoft.Extensions.Configuration;
using OrleansStreams.Protocol;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Hosting;

/// <summary>The silo's settings, read from the command line (--port 6380) or configuration.</summary>
public sealed record SiloOptions
{
    public int Port { get; init; } = 6380;

    public string Bind { get; init; } = "127.0.0.1";

    public string? RequirePass { get; init; }

    /// <summary>HTTP port for /health and /alive; 0 = no HTTP listener.</summary>
    public int HttpPort { get; init; }

    public ProtocolLimits Limits { get; init; } = ProtocolLimits.Default;

    /// <summary>Folder of the SQLite journal file (<c>--data-dir</c>).</summary>
    public string DataDir { get; init; } = "./data";

    public StorageProvider Storage { get; init; } = StorageProvider.Sqlite;

    /// <summary>Npgsql connection string (<c>--postgres</c>); required with <see cref="StorageProvider.Postgres"/>.</summary>
    public string? Postgres { get; init; }

    /// <summary>When a write is acknowledged (<c>--durability always|everysec|none</c>), as Redis's appendfsync.</summary>
    public DurabilityMode Durability { get; init; } = DurabilityMode.Always;

    /// <summary>How long a SQLite write waits for a lock held by another process before failing (<c>--sqlite-busy-timeout</c> seconds).</summary>
    public TimeSpan SqliteBusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads and checks the settings; a value that cannot be used throws <see cref="SiloOptionsException"/>.</summary>
    public static SiloOptions FromConfiguration(IConfiguration configuration)
    {
        var defaults = new SiloOptions();
        var options = new SiloOptions
        {
            Port = configuration.GetValue("port", defaults.Port),
            Bind = configuration["bind"] ?? defaults.Bind,
            HttpPort = configuration.GetValue("http-port", defaults.HttpPort),
            RequirePass = configuration["requirepass"] is { Length: > 0 } password ? password : null,
            Limits = ProtocolLimits.Default with
            {
                MaxBulkLength = configuration.GetValue("proto-max-bulk-len", ProtocolLimits.Default.MaxBulkLength),
                MaxArguments = configuration.GetValue("max-args", ProtocolLimits.Default.MaxArguments),
            },
            DataDir = configuration["data-dir"] is { Length: > 0 } dataDir ? dataDir : defaults.DataDir,
            Storage = ParseStorage(configuration["storage"], defaults.Storage),
            Postgres = configuration["postgres"] is { Length: > 0 } postgres ? postgres : null,
            Durability = ParseDurability(configuration["durability"], defaults.Durability),
            SqliteBusyTimeout = TimeSpan.FromSeconds(configuration.GetValue("sqlite-busy-timeout", defaults.SqliteBusyTimeout.TotalSeconds)),
        };
        if (options.Storage == StorageProvider.Postgres && options.Postgres is null)
        {
            throw new SiloOptionsException("--storage postgres needs --postgres \"<connection string>\" (for example \"Host=127.0.0.1;Username=postgres;Database=postgres\").");
        }
        return options;
    }

    private static StorageProvider ParseStorage(string? value, StorageProvider fallback) => value?.ToLowerInvariant() switch
    {
        null or "" => fallback,
        "sqlite" => StorageProvider.Sqlite,
        "postgres" or "postgresql" => StorageProvider.Postgres,
        "memory" => StorageProvider.Memory,
        _ => throw new SiloOptionsException($"--storage '{value}' is not a storage provider: use sqlite (default), postgres or memory."),
    };

    private static DurabilityMode ParseDurability(string? value, DurabilityMode fallback) => value?.ToLowerInvariant() switch
    {
        null or "" => fallback,
        "always" => DurabilityMode.Always,
        "everysec" => DurabilityMode.Everysec,
        "none" or "no" => DurabilityMode.None,
        _ => throw new SiloOptionsException($"--durability '{value}' is not a durability mode: use always (default), everysec or none."),
    };
}
