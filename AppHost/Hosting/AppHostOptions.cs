namespace OrleansStreams.AppHost.Hosting;

/// <summary>The AppHost's command line. Ports of 0 are picked free at start.</summary>
public sealed record AppHostOptions
{
    public int RespPort { get; init; } = 6380;

    public int SiloHttpPort { get; init; } = 6381;

    public int ApiPort { get; init; } = 8080;

    public int DashboardPort { get; init; } = 18888;

    public string? DataDir { get; init; }

    /// <summary>sqlite (embedded default) or postgres.</summary>
    public string Storage { get; init; } = "sqlite";

    public string? Postgres { get; init; }

    /// <summary>OTLP endpoint handed to every child as OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public string? Otlp { get; init; }

    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>Everything after <c>--</c>: passed to the API as they are (for example <c>--api-keys</c>).</summary>
    public IReadOnlyList<string> ApiArguments { get; init; } = [];

    public static AppHostOptions Parse(string[] args)
    {
        var options = new AppHostOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--")
            {
                options = options with { ApiArguments = args[(i + 1)..] };
                break;
            }

            if (name is "-h" or "--help") throw new AppHostUsageException(null);
            if (i + 1 >= args.Length) throw new AppHostUsageException($"{name} needs a value.");
            var value = args[++i];
            options = name switch
            {
                "--resp-port" => options with { RespPort = Port(name, value) },
                "--silo-http-port" => options with { SiloHttpPort = Port(name, value) },
                "--api-port" => options with { ApiPort = Port(name, value) },
                "--dashboard-port" => options with { DashboardPort = Port(name, value) },
                "--data-dir" => options with { DataDir = value },
                "--storage" => options with { Storage = value.ToLowerInvariant() },
                "--postgres" => options with { Postgres = value },
                "--otlp" => options with { Otlp = value },
                "--otlp-protocol" => options with { OtlpProtocol = value },
                _ => throw new AppHostUsageException($"Unknown option {name}."),
            };
        }

        if (options.Storage is not ("sqlite" or "postgres" or "memory")) throw new AppHostUsageException($"--storage '{options.Storage}' is not a store: use sqlite (default), postgres or memory.");
        if (options.Storage == "postgres" && string.IsNullOrEmpty(options.Postgres)) throw new AppHostUsageException("--storage postgres needs --postgres \"<connection string>\".");
        if (options.Otlp is not null && !Uri.TryCreate(options.Otlp, UriKind.Absolute, out _)) throw new AppHostUsageException($"--otlp '{options.Otlp}' is not an absolute URI (for example http://localhost:4317).");
        return options;
    }

    private static int Port(string name, string value)
        => int.TryParse(value, out var port) && port is >= 0 and <= 65535 ? port : throw new AppHostUsageException($"{name} '{value}' is not a port number (0-65535).");

    public const string Usage = """
        Usage: dotnet run --project AppHost [-- options]
          --storage sqlite|postgres|memory   journal store (default sqlite, embedded)
          --postgres "<connection string>"   with --storage postgres
          --data-dir <folder>                SQLite folder (default ./data in the repository)
          --otlp <endpoint>                  send every child's logs, metrics and traces to this OTLP endpoint
          --otlp-protocol grpc|http/protobuf (default grpc)
          --resp-port, --silo-http-port, --api-port, --dashboard-port <port>   (0 = any free port)
          -- <API options>                   the rest goes to the API (for example --api-keys)
        """;
}
