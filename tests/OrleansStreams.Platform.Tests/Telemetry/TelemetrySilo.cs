using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OrleansStreams.ServiceDefaults.Telemetry;
using OrleansStreams.Silo.Hosting;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Platform.Tests.Telemetry;

/// <summary>A real silo on a SQLite file with in-process collectors added to its telemetry, as an OTLP exporter would be.</summary>
public sealed class TelemetrySilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private TelemetrySilo(WebApplication app, string dataDir, int port, int httpPort, MetricCollector metrics, SpanCollector spans, LogCollector logs)
    {
        _app = app;
        Metrics = metrics;
        Spans = spans;
        Logs = logs;
        _dataDir = dataDir;
        Port = port;
        HttpPort = httpPort;
    }

    public int Port { get; }

    public int HttpPort { get; }

    public MetricCollector Metrics { get; }

    public SpanCollector Spans { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TelemetrySilo> StartAsync(string serviceName)
    {
        var port = FreePort.Next();
        var httpPort = FreePort.Next();
        var dataDir = Path.Combine(Path.GetTempPath(), "orleansstreams-telemetry-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--port", port.ToString(), "--http-port", httpPort.ToString(), "--bind", "127.0.0.1",
            "--storage", "sqlite", "--data-dir", dataDir,
            "--Logging:LogLevel:Default", "Warning", "--OTEL_SERVICE_NAME", serviceName,
        ];
        var metrics = new MetricCollector();
        var spans = new SpanCollector();
        var logs = new LogCollector();
        var app = SiloApplication.Create(args, services =>
        {
            services.Configure<TelemetryOptions>(options =>
            {
                // Exported only on demand (ForceFlush), so a test reads one consistent set of totals.
                options.MetricExportInterval = TimeSpan.FromHours(1);
                options.MetricExporters.Add(() => metrics);
                options.SpanProcessors.Add(() => new SimpleActivityExportProcessor(spans));
            });
            services.Configure<OpenTelemetryLoggerOptions>(options => options.AddProcessor(new SimpleLogRecordExportProcessor(logs)));
        });
        var silo = new TelemetrySilo(app, dataDir, port, httpPort, metrics, spans, logs);
        await app.StartAsync();
        return silo;
    }

    public Task<RawRespClient> ConnectAsync() => RawRespClient.ConnectAsync(Port);

    /// <summary>Collects every instrument now and returns what the exporter received.</summary>
    public IReadOnlyList<MetricSample> CollectMetrics()
    {
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "The meter provider did not flush.");
        return Metrics.Latest;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not change any result.
        }
    }
}
