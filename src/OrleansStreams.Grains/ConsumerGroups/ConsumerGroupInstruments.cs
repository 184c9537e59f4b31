using System.Diagnostics.Metrics;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>Metrics of the consumer-group policies. Not tagged by key or group: those are unbounded.</summary>
internal static class ConsumerGroupInstruments
{
    public const string MeterName = "OrleansStreams.Grains";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Reclaimed = Meter.CreateCounter<long>(
        "orleansstreams.entries.reclaimed", unit: "{entry}", description: "Pending entries idle for CLAIMIDLE that sweeps made available again");

    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "orleansstreams.entries.deadlettered", unit: "{entry}", description: "Entries moved to a dead-letter stream after MAXDELIVERIES");
}
