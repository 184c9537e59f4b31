using System.Diagnostics.Metrics;
using OrleansStreams.Grains.ConsumerGroups;

namespace OrleansStreams.ConsumerGroups.Tests;

[CollectionDefinition(nameof(PolicyMetricsCollection), DisableParallelization = true)]
public sealed class PolicyMetricsCollection;

/// <summary>The sweeps' counters are metrics of the "OrleansStreams.Grains" meter (alone, so no other test adds to them).</summary>
[Collection(nameof(PolicyMetricsCollection))]
public sealed class PolicyMetricsTests
{
    [Fact]
    public async Task ReclaimedAndDeadLetteredEntries_AreCounted()
    {
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ConsumerGroupInstruments.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (totals) totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
        });
        listener.Start();

        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(1000, maxDeliveries: 2, deadLetter: "dlq", now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await group.ReadAsync("bob", now: host.Clock.NowMs, count: 1);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await group.GetPolicyAsync(host.Clock.NowMs);

        lock (totals)
        {
            Assert.Equal(2, totals.GetValueOrDefault("orleansstreams.entries.reclaimed"));
            Assert.Equal(1, totals.GetValueOrDefault("orleansstreams.entries.deadlettered"));
        }
    }
}
