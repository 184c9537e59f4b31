using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>
/// The OTLP settings from configuration (environment variables in practice): the base endpoint
/// (OTEL_EXPORTER_OTLP_ENDPOINT) and the per-signal ones (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, ..._METRICS_...,
/// ..._LOGS_...), which some platforms set instead. A signal is exported only when one of the two is set.
/// </summary>
public sealed record OtlpEndpoint(Uri? Endpoint, OtlpExportProtocol Protocol, string? Headers, IReadOnlyDictionary<string, Uri> SignalEndpoints)
{
    public const string Traces = "traces";
    public const string Metrics = "metrics";
    public const string Logs = "logs";

    public static OtlpEndpoint? FromConfiguration(IConfiguration configuration)
    {
        var endpoint = ReadUri(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        var signals = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var signal in (string[])[Traces, Metrics, Logs])
        {
            if (ReadUri(configuration, $"OTEL_EXPORTER_OTLP_{signal.ToUpperInvariant()}_ENDPOINT") is { } uri) signals[signal] = uri;
        }

        if (endpoint is null && signals.Count == 0) return null;
        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]?.ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_PROTOCOL '{other}' is not supported: use grpc or http/protobuf."),
        };
        return new OtlpEndpoint(endpoint, protocol, configuration["OTEL_EXPORTER_OTLP_HEADERS"], signals);
    }

    public bool Exports(string signal) => Endpoint is not null || SignalEndpoints.ContainsKey(signal);

    /// <summary>
    /// Copies the settings onto one signal's exporter. A per-signal endpoint is used as it is; with http/protobuf the
    /// base endpoint gets the signal's path (v1/traces, v1/metrics, v1/logs), as the specification says.
    /// </summary>
    public void Apply(OtlpExporterOptions options, string signal)
    {
        options.Protocol = Protocol;
        if (SignalEndpoints.TryGetValue(signal, out var specific)) options.Endpoint = specific;
        else if (Endpoint is { } endpoint) options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/" + signal) : endpoint;
        if (Headers is not null) options.Headers = Headers;
    }

    private static Uri? ReadUri(IConfiguration configuration, string key)
    {
        if (configuration[key] is not { Length: > 0 } text) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"{key} '{text}' is not an absolute URI.");
    }
}
