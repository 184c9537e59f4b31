using System.Diagnostics.Metrics;

namespace OrleansStreams.Grains.Diagnostics;

/// <summary>
/// Entry flow through streams and consumer groups, and each group's backlog. Counters carry no key or group
/// name; only the per-group gauges do (one series per consumer group known to this silo).
/// </summary>
public sealed class EntryInstruments : IDisposable
{
    /// <summary>Shared with the dead-letter and reclaim counters of the consumer-group policies.</summary>
    public const string Name = "OrleansStreams.Grains";

    private static readonly KeyValuePair<string, object?> NewEntries = new("orleansstreams.delivery", "new");
    private static readonly KeyValuePair<string, object?> History = new("orleansstreams.delivery", "history");
    private static readonly KeyValuePair<string, object?> ExplicitClaim = new("orleansstreams.claim", "xclaim");
    private static readonly KeyValuePair<string, object?> AutoClaim = new("orleansstreams.claim", "xautoclaim");

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _appended;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _claimed;

    public EntryInstruments(GroupGauges gauges, IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Gauges = gauges;
        _appended = _meter.CreateCounter<long>("orleansstreams.entries.appended", unit: "{entry}", description: "Entries added to streams (committed)");
        _delivered = _meter.CreateCounter<long>("orleansstreams.entries.delivered", unit: "{entry}", description: "Entries delivered to consumers by XREADGROUP");
        _acknowledged = _meter.CreateCounter<long>("orleansstreams.entries.acknowledged", unit: "{entry}", description: "Pending entries acknowledged by XACK");
        _claimed = _meter.CreateCounter<long>("orleansstreams.entries.claimed", unit: "{entry}", description: "Pending entries moved to another consumer by XCLAIM or XAUTOCLAIM");
        _meter.CreateObservableGauge("orleansstreams.group.pending", gauges.ObservePending, unit: "{entry}", description: "Entries delivered to the group and not yet acknowledged");
        _meter.CreateObservableGauge("orleansstreams.group.lag", gauges.ObserveLag, unit: "{entry}", description: "Entries in the stream the group has yet to read (XINFO GROUPS lag), when known");
    }

    public GroupGauges Gauges { get; }

    public void Appended(int count = 1) => _appended.Add(count);

    public void Delivered(int count, bool history)
    {
        if (count > 0) _delivered.Add(count, history ? History : NewEntries);
    }

    public void Acknowledged(int count)
    {
        if (count > 0) _acknowledged.Add(count);
    }

    public void Claimed(int count, bool automatic)
    {
        if (count > 0) _claimed.Add(count, automatic ? AutoClaim : ExplicitClaim);
    }

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
