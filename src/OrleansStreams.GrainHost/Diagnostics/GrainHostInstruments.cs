using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansStreams.GrainHost;

/// <summary>Metrics and traces of the grain host: activations by grain type, and one span per grain call.</summary>
internal sealed class GrainHostInstruments : IDisposable
{
    public const string Name = "OrleansStreams.Runtime";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly UpDownCounter<long> _activations;
    private readonly Counter<long> _activationsCreated;

    public GrainHostInstruments(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _activations = _meter.CreateUpDownCounter<long>("orleansstreams.grain.activations", unit: "{activation}", description: "Grain activations in the catalog");
        _activationsCreated = _meter.CreateCounter<long>("orleansstreams.grain.activations.created", unit: "{activation}", description: "Grain activations created");
    }

    public void Activated(string grainType)
    {
        var tag = new KeyValuePair<string, object?>("orleansstreams.grain.type", grainType);
        _activationsCreated.Add(1, tag);
        _activations.Add(1, tag);
    }

    public void Removed(string grainType) => _activations.Add(-1, new KeyValuePair<string, object?>("orleansstreams.grain.type", grainType));

    /// <summary>A client span named after the grain interface (as Orleans names its call spans), tagged with the grain id.</summary>
    public static Activity? StartCall(GrainTypeRegistration registration, GrainId grainId)
    {
        var activity = ActivitySource.StartActivity(registration.InterfaceType.Name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("orleansstreams.grain.type", registration.GrainType);
            activity.SetTag("orleansstreams.grain.id", grainId.ToString());
        }

        return activity;
    }

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
