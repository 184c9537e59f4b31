using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>The OTLP settings from configuration (environment variables in practice); exporting is on only when an endpoint is set.</summary>
public sealed record OtlpEndpoint(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers)
{
    public static OtlpEndpoint? FromConfiguration(IConfiguration configuration)
    {
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is not { Length: > 0 } endpoint) return null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_ENDPOINT '{endpoint}' is not an absolute URI.");
        }

        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]?.ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_PROTOCOL '{other}' is not supported: use grpc or http/protobuf."),
        };
        return new OtlpEndpoint(uri, protocol, configuration["OTEL_EXPORTER_OTLP_HEADERS"]);
    }

    /// <summary>
    /// Copies the settings onto one signal's exporter. With http/protobuf the base endpoint gets the signal's path
    /// (v1/traces, v1/metrics, v1/logs), as the SDK does when it reads the variables itself.
    /// </summary>
    public void Apply(OtlpExporterOptions options, string signalPath)
    {
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(Endpoint, Endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath) : Endpoint;
        if (Headers is not null) options.Headers = Headers;
    }
}
