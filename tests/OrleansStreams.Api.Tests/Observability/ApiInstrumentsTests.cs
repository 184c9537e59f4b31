using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Api.Observability;
using OrleansStreams.Api.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.Observability;

public sealed class ApiInstrumentsTests : IAsyncLifetime
{
    private static readonly TimeSpan MeasurementTimeout = TimeSpan.FromSeconds(15);

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, string? Tag)> _measurements = new();
    private readonly SemaphoreSlim _measured = new(0);
    private ApiHost? _host;
    private volatile IMeterFactory? _meterFactory;

    public async Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ApiInstruments.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // Only this test's API: other tests run their own hosts in parallel, each with its own meter factory.
            if (_meterFactory is null || !ReferenceEquals(instrument.Meter.Scope, _meterFactory)) return;
            string? tag = null;
            foreach (var pair in tags) tag = pair.Value?.ToString();
            _measurements.Enqueue((instrument.Name, value, tag));
            _measured.Release();
        });
        _listener.Start();
        _host = await ApiHost.StartAsync();
        _meterFactory = _host.ApiServices.GetRequiredService<IMeterFactory>();
    }

    [Fact]
    public async Task TailAndSiloErrors_AreCounted()
    {
        var stream = UniqueKey.For("metered");
        using var http = _host!.CreateClient();
        await using (var tail = await EventStream.OpenAsync(_host.CreateClient(), $"/api/streams/{stream}/tail"))
        {
            await WaitForAsync("orleansstreams.api.event_streams.active", 1, "tail");
            await http.AppendAsync(stream, new { n = "1" });
            await tail.Reader.NextAsync(MeasurementTimeout, "the appended entry");
            await WaitForAsync("orleansstreams.api.events.sent", 1, "tail");
        }
        await WaitForAsync("orleansstreams.api.event_streams.active", -1, "tail");

        using var conflict = await http.PostAsJsonAsync($"/api/streams/{stream}/entries", new { fields = new { n = "2" }, expectedVersion = 0 });
        await WaitForAsync("orleansstreams.api.silo_errors", 1, "VERSIONMISMATCH");
        using var noGroup = await http.PostAsJsonAsync($"/api/streams/{stream}/groups/ghost/read", new { consumer = "c" });
        await WaitForAsync("orleansstreams.api.silo_errors", 1, "NOGROUP");
    }

    /// <summary>Waits for one measurement of the instrument with this value and tag.</summary>
    private async Task WaitForAsync(string instrument, long value, string tag)
    {
        using var deadline = new CancellationTokenSource(MeasurementTimeout);
        while (true)
        {
            if (_measurements.Any(m => m.Instrument == instrument && m.Value == value && m.Tag == tag)) return;
            try
            {
                await _measured.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {instrument} measurement of {value} tagged {tag}; saw: {string.Join(", ", _measurements)}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }
}
