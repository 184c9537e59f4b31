using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using OrleansStreams.ServiceDefaults.Telemetry;

namespace OrleansStreams.Platform.Tests.Telemetry;

public sealed class OtlpEndpointTests
{
    [Fact]
    public void NoEndpoint_MeansNoExport()
        => Assert.Null(OtlpEndpoint.FromConfiguration(Configuration()));

    [Fact]
    public void BaseEndpoint_OverHttp_GetsEachSignalsPath()
    {
        var otlp = OtlpEndpoint.FromConfiguration(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")))!;
        var traces = new OtlpExporterOptions();
        var logs = new OtlpExporterOptions();

        otlp.Apply(traces, OtlpEndpoint.Traces);
        otlp.Apply(logs, OtlpEndpoint.Logs);

        Assert.Equal(new Uri("http://collector:4318/v1/traces"), traces.Endpoint);
        Assert.Equal(new Uri("http://collector:4318/v1/logs"), logs.Endpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, traces.Protocol);
    }

    [Fact]
    public void SignalEndpointAlone_ExportsOnlyThatSignal_ToThatAddress()
    {
        var otlp = OtlpEndpoint.FromConfiguration(Configuration(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://agent:4317")))!;
        var traces = new OtlpExporterOptions();

        otlp.Apply(traces, OtlpEndpoint.Traces);

        Assert.True(otlp.Exports(OtlpEndpoint.Traces));
        Assert.False(otlp.Exports(OtlpEndpoint.Metrics));
        Assert.False(otlp.Exports(OtlpEndpoint.Logs));
        Assert.Equal(new Uri("http://agent:4317"), traces.Endpoint);
        Assert.Equal(OtlpExportProtocol.Grpc, traces.Protocol);
    }

    [Fact]
    public void UnsupportedProtocol_FailsAtStartWithTheVariableNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OtlpEndpoint.FromConfiguration(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"))));
        Assert.Contains("OTEL_EXPORTER_OTLP_PROTOCOL", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
