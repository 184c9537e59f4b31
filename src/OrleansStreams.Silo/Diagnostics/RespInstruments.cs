using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansStreams.Silo.Connections;

namespace OrleansStreams.Silo.Diagnostics;

/// <summary>
/// Metrics and traces of the RESP front end: one span and one latency sample per command, tagged by the
/// command's name from the command table (never by anything the client sent), and the connection counts.
/// </summary>
public sealed class RespInstruments : IDisposable
{
    public const string Name = "OrleansStreams.Resp";

    public static readonly ActivitySource ActivitySource = new(Name);

    // Commands take from microseconds (in memory) to seconds (BLOCK); the default buckets start at 5 ms.
    private static readonly double[] DurationBuckets = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _duration;

    public RespInstruments(ClientRegistry clients, IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _duration = _meter.CreateHistogram(
            "orleansstreams.command.duration",
            unit: "s",
            description: "Time from dispatch to reply of one RESP command (a blocking command includes its wait)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _meter.CreateObservableUpDownCounter("orleansstreams.connections", () => clients.Count, unit: "{connection}", description: "Open RESP connections");
        _meter.CreateObservableCounter("orleansstreams.connections.opened", () => clients.TotalConnections, unit: "{connection}", description: "RESP connections accepted since start");
    }

    /// <summary>A server span per command, named like Redis's command (XADD, XGROUP CREATE), with the database conventions' tags.</summary>
    public static Activity? StartCommand(string fullName)
    {
        if (!ActivitySource.HasListeners()) return null;
        var activity = ActivitySource.StartActivity(fullName.Replace('|', ' ').ToUpperInvariant(), ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "redis");
            activity.SetTag("db.operation.name", fullName);
        }

        return activity;
    }

    public void CommandCompleted(string fullName, long startedTimestamp)
    {
        if (!_duration.Enabled) return;
        _duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("orleansstreams.command", fullName));
    }

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
