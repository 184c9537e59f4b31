using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Diagnostics;

[Collection(SiloCollection.Name)]
public sealed class ClientMetricsTests(SiloFixture fixture)
{
    [Fact]
    public async Task Commands_AreCountedByNameAndOutcome()
    {
        var outcomes = new ConcurrentBag<(string Command, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "OrleansStreams.Client" && instrument.Name == "orleansstreams.client.commands") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? command = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "command") command = tag.Value as string;
                if (tag.Key == "outcome") outcome = tag.Value as string;
            }
            outcomes.Add((command!, outcome!));
        });
        listener.Start();

        var key = TestKeys.New("metrics");
        await fixture.Client.XAddAsync(key, ("f", "v"));
        await Assert.ThrowsAsync<StreamsServerException>(() => fixture.Client.XGroupCreateAsync(key + ":missing", "g"));

        Assert.Contains(("XADD", "ok"), outcomes);
        Assert.Contains(("XGROUP CREATE", "error"), outcomes);
    }

    [Fact]
    public async Task EachCommand_IsAClientSpanNamedAfterIt_FailedOnesMarkedAsErrors()
    {
        var spans = new ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "OrleansStreams.Client",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = spans.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var key = TestKeys.New("spans");
        await fixture.Client.XLenAsync(key);
        await Assert.ThrowsAsync<StreamsServerException>(() => fixture.Client.XInfoStreamAsync(key));

        Assert.Contains(spans, span => span.DisplayName == "XLEN" && span.Kind == System.Diagnostics.ActivityKind.Client && span.Status == System.Diagnostics.ActivityStatusCode.Unset);
        Assert.Contains(spans, span => span.DisplayName == "XINFO STREAM" && span.Status == System.Diagnostics.ActivityStatusCode.Error);
    }
}
