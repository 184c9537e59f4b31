using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>
/// Builds the process's <see cref="MeterProvider"/> and <see cref="TracerProvider"/> with the core SDK's builders
/// (OpenTelemetry.Extensions.Hosting is not available). Both are DI singletons: the container disposes them at
/// shutdown, which flushes the last batch to OTLP.
/// </summary>
internal static class TelemetryProviders
{
    public static MeterProvider CreateMeterProvider(TelemetryResource resource, OtlpEndpoint? otlp, IOptions<TelemetryOptions> options)
    {
        var settings = options.Value;
        var builder = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource.CreateBuilder());
        // Without a destination, subscribing would only cost: instruments stay disabled and record nothing.
        var toOtlp = otlp?.Exports(OtlpEndpoint.Metrics) == true;
        if (!toOtlp && settings.MetricExporters.Count == 0) return builder.Build();
        foreach (var meter in settings.Meters) builder.AddMeter(meter);
        var interval = (int)settings.MetricExportInterval.TotalMilliseconds;
        if (toOtlp)
        {
            builder.AddOtlpExporter((exporter, reader) =>
            {
                otlp!.Apply(exporter, OtlpEndpoint.Metrics);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
            });
        }

        foreach (var exporter in settings.MetricExporters)
        {
            builder.AddReader(new PeriodicExportingMetricReader(exporter(), interval));
        }

        return builder.Build();
    }

    public static TracerProvider CreateTracerProvider(TelemetryResource resource, OtlpEndpoint? otlp, IOptions<TelemetryOptions> options)
    {
        var settings = options.Value;
        var builder = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource.CreateBuilder());
        // Without a destination no span is created at all (ActivitySource.HasListeners stays false on the hot paths).
        var toOtlp = otlp?.Exports(OtlpEndpoint.Traces) == true;
        if (!toOtlp && settings.SpanProcessors.Count == 0) return builder.Build();
        foreach (var source in settings.ActivitySources) builder.AddSource(source);
        if (toOtlp)
        {
            builder.AddOtlpExporter(exporter => otlp!.Apply(exporter, OtlpEndpoint.Traces));
        }

        foreach (var processor in settings.SpanProcessors)
        {
            builder.AddProcessor(processor());
        }

        return builder.Build();
    }
}
