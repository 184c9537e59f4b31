using System.Diagnostics.Metrics;

namespace OrleansStreams.Api.Observability;

/// <summary>The API's metrics, on the meter <see cref="MeterName"/>.</summary>
public sealed class ApiInstruments
{
    public const string MeterName = "OrleansStreams.Api";

    public ApiInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        ActiveEventStreams = meter.CreateUpDownCounter<long>("orleansstreams.api.event_streams.active", "{stream}", "Open live tails and group-consumer event streams.");
        EventsSent = meter.CreateCounter<long>("orleansstreams.api.events.sent", "{event}", "Entries sent on event streams.");
        SiloErrors = meter.CreateCounter<long>("orleansstreams.api.silo_errors", "{error}", "Silo errors passed on to callers, by their code.");
    }

    /// <summary>Tagged with <c>kind</c>: tail or consume.</summary>
    public UpDownCounter<long> ActiveEventStreams { get; }

    /// <summary>Tagged with <c>kind</c>: tail or consume.</summary>
    public Counter<long> EventsSent { get; }

    /// <summary>Tagged with <c>code</c>: the error's first word (ERR, NOGROUP, VERSIONMISMATCH, ...).</summary>
    public Counter<long> SiloErrors { get; }

    public static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);

    public static KeyValuePair<string, object?> Code(string code) => new("code", code);
}
