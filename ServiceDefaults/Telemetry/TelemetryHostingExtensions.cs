using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansStreams.ServiceDefaults.Telemetry;

public static class TelemetryHostingExtensions
{
    /// <summary>
    /// Logs through the OpenTelemetry logger provider, metrics and traces through SDK-built providers, all with
    /// the same resource; each signal goes to OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    public static TBuilder AddTelemetry<TBuilder>(this TBuilder builder, string defaultServiceName) where TBuilder : IHostApplicationBuilder
    {
        var resource = TelemetryResource.FromConfiguration(builder.Configuration, defaultServiceName);
        var otlp = OtlpEndpoint.FromConfiguration(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(resource);
        var interval = builder.Configuration["OTEL_METRIC_EXPORT_INTERVAL"];
        services.AddOptions<TelemetryOptions>().Configure(options =>
        {
            if (int.TryParse(interval, out var milliseconds) && milliseconds > 0) options.MetricExportInterval = TimeSpan.FromMilliseconds(milliseconds);
        });

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (otlp?.Exports(OtlpEndpoint.Logs) == true) logging.AddOtlpExporter(exporter => otlp.Apply(exporter, OtlpEndpoint.Logs));
        });
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.SetResourceBuilder(resource.CreateBuilder()));

        services.AddSingleton(sp => TelemetryProviders.CreateMeterProvider(resource, otlp, sp.GetRequiredService<IOptions<TelemetryOptions>>()));
        services.AddSingleton(sp => TelemetryProviders.CreateTracerProvider(resource, otlp, sp.GetRequiredService<IOptions<TelemetryOptions>>()));
        services.AddHostedService<TelemetryStartup>();
        return builder;
    }
}
