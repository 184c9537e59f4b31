using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansStreams.ServiceDefaults.Health;
using OrleansStreams.ServiceDefaults.Hosting;
using OrleansStreams.ServiceDefaults.Telemetry;

namespace OrleansStreams.ServiceDefaults;

/// <summary>What every OrleansStreams process shares: logs, metrics and traces with one resource, and health endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";

    /// <param name="serviceName">service.name when OTEL_SERVICE_NAME is not set; defaults to the application name.</param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string? serviceName = null) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.AddTelemetry(serviceName ?? builder.Environment.ApplicationName);
        builder.Services.AddHostedService<ParentProcessWatch>();
        // Liveness must not depend on storage; readiness checks are added by each process.
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy("process running"), [LiveTag]);
        return builder;
    }

    /// <summary>/health: every check passes (ready). /alive: the process is running. Mapped in every environment: probes need them.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.Use(HttpRequestTracing.InvokeAsync);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag), ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
