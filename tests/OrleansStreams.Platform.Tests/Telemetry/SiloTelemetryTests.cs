using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.Platform.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class SiloTelemetryTests
{
    private static readonly TimeSpan SpanTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Metrics_AfterStreamAndGroupCommands_CountEntryFlowAndReportBacklogPerGroup()
    {
        await using var silo = await TelemetrySilo.StartAsync("telemetry-metrics");
        await using var client = await silo.ConnectAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(Bulk(await client.ExecuteAsync("XADD", "orders", "*", "n", i.ToString())));
        Assert.Equal("+OK\r\n", await client.ExecuteAsync("XGROUP", "CREATE", "orders", "billing", "0"));
        Assert.Contains(ids[1], await client.ExecuteAsync("XREADGROUP", "GROUP", "billing", "alice", "COUNT", "2", "STREAMS", "orders", ">"));
        Assert.Equal(":1\r\n", await client.ExecuteAsync("XACK", "orders", "billing", ids[0]));
        Assert.Contains(ids[1], await client.ExecuteAsync("XCLAIM", "orders", "billing", "bob", "0", ids[1]));

        var metrics = silo.CollectMetrics();

        Assert.Equal(3, Sum(metrics, "orleansstreams.entries.appended"));
        Assert.Equal(2, Sum(metrics, "orleansstreams.entries.delivered", ("orleansstreams.delivery", "new")));
        Assert.Equal(1, Sum(metrics, "orleansstreams.entries.acknowledged"));
        Assert.Equal(1, Sum(metrics, "orleansstreams.entries.claimed", ("orleansstreams.claim", "xclaim")));
        // One entry delivered and not acknowledged; one of three entries not yet read by the group.
        Assert.Equal(1, Single(metrics, "orleansstreams.group.pending", ("orleansstreams.stream", "orders"), ("orleansstreams.group", "billing")).Value);
        Assert.Equal(1, Single(metrics, "orleansstreams.group.lag", ("orleansstreams.stream", "orders"), ("orleansstreams.group", "billing")).Value);
        Assert.Equal(3, Single(metrics, "orleansstreams.command.duration", ("orleansstreams.command", "xadd")).Count);
        Assert.Equal(1, Single(metrics, "orleansstreams.command.duration", ("orleansstreams.command", "xgroup|create")).Count);
        Assert.Equal(1, Sum(metrics, "orleansstreams.connections"));
        Assert.Equal(1, Sum(metrics, "orleansstreams.connections.opened"));
        Assert.Equal(1, Sum(metrics, "orleansstreams.grain.activations", ("orleansstreams.grain.type", "stream")));
        Assert.Equal(1, Sum(metrics, "orleansstreams.grain.activations", ("orleansstreams.grain.type", "consumergroup")));
        // Every acknowledged write went through a commit of the SQLite journal.
        var commits = Single(metrics, "orleansstreams.journal.commit.duration", ("db.system", "sqlite"));
        Assert.InRange(commits.Count, 1, long.MaxValue);
        var batches = Single(metrics, "orleansstreams.journal.batch.size", ("db.system", "sqlite"));
        Assert.Equal(commits.Count, batches.Count);
        Assert.Equal(Sum(metrics, "orleansstreams.journal.writes"), batches.Value);
    }

    [Fact]
    public async Task Metrics_LagFollowsNewEntriesWithoutTheGroupBeingCalled()
    {
        await using var silo = await TelemetrySilo.StartAsync("telemetry-lag");
        await using var client = await silo.ConnectAsync();
        Assert.Equal("+OK\r\n", await client.ExecuteAsync("XGROUP", "CREATE", "events", "audit", "$", "MKSTREAM"));
        Assert.Equal(0, Single(silo.CollectMetrics(), "orleansstreams.group.lag", ("orleansstreams.group", "audit")).Value);

        for (var i = 0; i < 4; i++) await client.ExecuteAsync("XADD", "events", "*", "n", i.ToString());

        Assert.Equal(4, Single(silo.CollectMetrics(), "orleansstreams.group.lag", ("orleansstreams.group", "audit")).Value);
        // The group's own answer agrees with the gauge.
        Assert.Contains("lag\r\n:4\r\n", await client.ExecuteAsync("XINFO", "GROUPS", "events"));
    }

    [Fact]
    public async Task Trace_OfXAdd_RunsFromTheRespCommandThroughTheGrainCallToTheStorageCommit()
    {
        await using var silo = await TelemetrySilo.StartAsync("telemetry-trace");
        await using var client = await silo.ConnectAsync();
        Bulk(await client.ExecuteAsync("XADD", "traced-stream", "*", "f", "v"));

        var command = await silo.Spans.WaitForAsync(s => s.Source.Name == "OrleansStreams.Resp" && s.DisplayName == "XADD", "XADD", SpanTimeout);
        var grainCall = await silo.Spans.WaitForAsync(
            s => s.Source.Name == "OrleansStreams.Runtime" && Equals(s.GetTagItem("orleansstreams.grain.id"), "stream/traced-stream"), "stream grain call", SpanTimeout);
        var commit = await silo.Spans.WaitForAsync(s => s.Source.Name == "OrleansStreams.Storage" && s.ParentSpanId == grainCall.SpanId, "journal commit under the grain call", SpanTimeout);

        Assert.Equal(ActivityKind.Server, command.Kind);
        Assert.Equal("xadd", command.GetTagItem("db.operation.name"));
        Assert.Equal(command.TraceId, grainCall.TraceId);
        Assert.Equal(command.SpanId, grainCall.ParentSpanId);
        Assert.Equal("IStreamGrain", grainCall.DisplayName);
        Assert.Equal(command.TraceId, commit.TraceId);
        Assert.Equal("journal.commit", commit.DisplayName);
        Assert.Equal("sqlite", commit.GetTagItem("db.system"));
        // Children end before their parents: the reply waited for the commit.
        Assert.True(commit.StartTimeUtc + commit.Duration <= grainCall.StartTimeUtc + grainCall.Duration);
        Assert.True(grainCall.StartTimeUtc + grainCall.Duration <= command.StartTimeUtc + command.Duration);
    }

    [Fact]
    public async Task Resource_IsTheSameOnLogsMetricsAndTraces()
    {
        await using var silo = await TelemetrySilo.StartAsync("telemetry-resource");
        await using var client = await silo.ConnectAsync();
        Assert.Equal("+PONG\r\n", await client.ExecuteAsync("PING"));
        await silo.Spans.WaitForAsync(s => s.DisplayName == "PING", "PING", SpanTimeout);
        silo.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Probe").LogWarning("resource probe {Number}", 7);
        silo.CollectMetrics();

        Assert.Contains("resource probe 7", silo.Logs.Messages);
        var logs = Attributes(silo.Logs.Resource);
        var metrics = Attributes(silo.Metrics.Resource);
        var traces = Attributes(silo.Spans.Resource);
        Assert.Equal("telemetry-resource", logs["service.name"]);
        Assert.False(string.IsNullOrEmpty(logs["service.instance.id"]));
        Assert.Equal(logs, metrics);
        Assert.Equal(logs, traces);
    }

    [Fact]
    public async Task Health_ReportsStorageReachable_AndProbesAreLeftOutOfTraces()
    {
        await using var silo = await TelemetrySilo.StartAsync("telemetry-health");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };

        using var health = await http.GetAsync("/health");
        var body = await health.Content.ReadAsStringAsync();
        using var alive = await http.GetAsync("/alive");
        using var missing = await http.GetAsync("/not-a-page");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("Healthy\n", body);
        Assert.Contains("storage: Healthy (ready: storage reachable (sqlite))", body);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.DoesNotContain("storage", await alive.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // Requests are traced (the 404 is), the probes are not.
        await silo.Spans.WaitForAsync(s => s.Source.Name == "Microsoft.AspNetCore" && Equals(s.GetTagItem("url.path"), "/not-a-page"), "GET /not-a-page", SpanTimeout);
        Assert.DoesNotContain(silo.Spans.Spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.GetTagItem("url.path") is "/health" or "/alive");
    }

    private static Dictionary<string, string> Attributes(OpenTelemetry.Resources.Resource? resource)
    {
        Assert.NotNull(resource);
        return resource.Attributes.ToDictionary(a => a.Key, a => a.Value.ToString() ?? "");
    }

    private static string Bulk(string reply)
    {
        var lines = reply.Split("\r\n");
        Assert.StartsWith("$", lines[0]);
        return lines[1];
    }

    private static double Sum(IReadOnlyList<MetricSample> metrics, string name, params (string Key, string Value)[] tags)
    {
        var matching = Matching(metrics, name, tags);
        Assert.True(matching.Count > 0, $"No metric {name} with {string.Join(", ", tags)}; exported: {string.Join(", ", metrics.Select(m => m.Name).Distinct())}");
        return matching.Sum(m => m.Value);
    }

    private static MetricSample Single(IReadOnlyList<MetricSample> metrics, string name, params (string Key, string Value)[] tags)
    {
        var matching = Matching(metrics, name, tags);
        Assert.True(matching.Count == 1, $"Expected one {name} with {string.Join(", ", tags)}, found {matching.Count}; exported: {string.Join(", ", metrics.Select(m => m.Name).Distinct())}");
        return matching[0];
    }

    private static List<MetricSample> Matching(IReadOnlyList<MetricSample> metrics, string name, (string Key, string Value)[] tags)
        => metrics.Where(m => m.Name == name && tags.All(t => m.HasTag(t.Key, t.Value))).ToList();
}
