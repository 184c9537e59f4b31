using Microsoft.Extensions.Configuration;
using OrleansStreams.Protocol;

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

    public string DataDir { get; init; } = "data";

    public string Storage { get; init; } = "memory";

    public static SiloOptions FromConfiguration(IConfiguration configuration)
    {
        var defaults = new SiloOptions();
        return new SiloOptions
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
            DataDir = configuration["data-dir"] ?? defaults.DataDir,
            Storage = configuration["storage"] ?? defaults.Storage,
        };
    }
}
