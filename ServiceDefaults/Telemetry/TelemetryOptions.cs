using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>
/// What a process exports: the meters and activity sources it subscribes to, and extra exporters (tests add an
/// in-process collector here). Configure with <c>services.Configure&lt;TelemetryOptions&gt;(...)</c>.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>Every OrleansStreams layer (Runtime, Grains, Storage, Resp, ...) plus the framework's built-in meters.</summary>
    public HashSet<string> Meters { get; } = new(StringComparer.Ordinal)
    {
        "OrleansStreams.*",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "System.Net.Http",
        "System.Runtime",
    };

    /// <summary>OrleansStreams' sources plus ASP.NET Core's and HttpClient's built-in activities (no instrumentation package needed).</summary>
    public HashSet<string> ActivitySources { get; } = new(StringComparer.Ordinal)
    {
        "OrleansStreams.*",
        "Microsoft.AspNetCore",
        "System.Net.Http",
    };

    /// <summary>How often metrics are collected and exported (OTEL_METRIC_EXPORT_INTERVAL overrides it for OTLP).</summary>
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Additional metric exporters or readers, beside OTLP.</summary>
    public List<Func<BaseExporter<Metric>>> MetricExporters { get; } = [];

    /// <summary>Additional span processors, beside OTLP.</summary>
    public List<Func<BaseProcessor<Activity>>> SpanProcessors { get; } = [];
}
