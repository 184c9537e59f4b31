using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>
/// Resolves both providers when the host starts, so their listeners exist before the first request or command;
/// on stop it flushes them (the container disposes them afterwards).
/// </summary>
internal sealed class TelemetryStartup(MeterProvider meters, TracerProvider tracer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracer.ForceFlush(timeoutMilliseconds: 2000);
        meters.ForceFlush(timeoutMilliseconds: 2000);
        return Task.CompletedTask;
    }
}
