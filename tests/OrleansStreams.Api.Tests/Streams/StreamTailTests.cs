using System.Net;
using System.Text.Json;
using OrleansStreams.Client;
using OrleansStreams.Api.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.Streams;

public sealed class StreamTailTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = fixture.Host.CreateClient();

    [Fact]
    public async Task Tail_DeliversEachEntryAppendedWhileOpen_AsAnEntryEventWithItsId()
    {
        var stream = UniqueKey.For("tail");
        await _http.AppendAsync(stream, new { before = "tail opened" });
        using var tailHttp = fixture.Host.CreateClient();
        await using var tail = await EventStream.OpenAsync(tailHttp, $"/api/streams/{stream}/tail");

        var appended = new List<string>();
        for (var i = 1; i <= 3; i++) appended.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));

        Assert.Equal("text/event-stream", tail.ContentType);
        Assert.Equal(2000, tail.Ready?.RetryMs);
        for (var i = 1; i <= 3; i++)
        {
            var received = await tail.Reader.NextAsync(EventTimeout, $"entry {i} of the live tail");
            Assert.Equal("entry", received.Type);
            Assert.Equal(appended[i - 1], received.Id);
            var entry = JsonDocument.Parse(received.Data).RootElement;
            Assert.Equal(appended[i - 1], entry.GetProperty("id").GetString());
            Assert.Equal(i.ToString(), ApiJson.Fields(entry)["n"]);
        }
    }

    [Fact]
    public async Task Tail_ResumesAfterLastEventId_WithoutRepeatingOrSkipping()
    {
        var stream = UniqueKey.For("resume");
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add(await _http.AppendAsync(stream, new { n = i.ToString() }));
        using var tailHttp = fixture.Host.CreateClient();

        await using var tail = await EventStream.OpenAsync(tailHttp, $"/api/streams/{stream}/tail?from=0", lastEventId: ids[1]);

        Assert.Equal(ids[2], (await tail.Reader.NextAsync(EventTimeout, "the entry after Last-Event-ID")).Id);
        Assert.Equal(ids[3], (await tail.Reader.NextAsync(EventTimeout, "the newest entry")).Id);
    }

    [Fact]
    public async Task Tail_OfAStreamNotCreatedYet_DeliversItsFirstEntry()
    {
        var stream = UniqueKey.For("not-yet");
        using var tailHttp = fixture.Host.CreateClient();
        await using var tail = await EventStream.OpenAsync(tailHttp, $"/api/streams/{stream}/tail");

        var id = await _http.AppendAsync(stream, new { first = "yes" });

        Assert.Equal(id, (await tail.Reader.NextAsync(EventTimeout, "the stream's first entry")).Id);
    }

    [Fact]
    public async Task Tail_EndsWhenTheApiStops_InsteadOfHoldingUpShutdown()
    {
        await using var host = await ApiHost.StartAsync();
        using var http = host.CreateClient();
        await using var tail = await EventStream.OpenAsync(http, $"/api/streams/{UniqueKey.For("shutdown")}/tail");

        var stopping = host.StopApiAsync();
        var ended = await Record.ExceptionAsync(() => tail.Reader.NextAsync(EventTimeout, "the end of the event stream"));
        await stopping;

        // Far sooner than the host's shutdown timeout, the stream ends (cleanly or by the connection closing).
        Assert.NotNull(ended);
        Assert.IsNotType<TimeoutException>(ended);
    }

    [Fact]
    public async Task Tail_FromAnInvalidId_IsA400Problem_WithTheSilosError()
    {
        var stream = UniqueKey.For("bad-from");
        await _http.AppendAsync(stream, new { n = "1" });

        using var response = await _http.GetAsync($"/api/streams/{stream}/tail?from=not-an-id");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("ERR", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Tail_WhoseKeyStopsBeingAStream_EndsWithAnErrorEvent()
    {
        var stream = UniqueKey.For("replaced");
        await _http.AppendAsync(stream, new { n = "1" });
        using var tailHttp = fixture.Host.CreateClient();
        await using var tail = await EventStream.OpenAsync(tailHttp, $"/api/streams/{stream}/tail");
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });

        await silo.DelAsync(stream);
        await silo.SetAsync(stream, "now a string");

        var error = await tail.Reader.NextAsync(EventTimeout, "the error event after the key changed type");
        Assert.Equal("error", error.Type);
        var data = JsonDocument.Parse(error.Data).RootElement;
        Assert.Equal("WRONGTYPE", data.GetProperty("code").GetString());
        Assert.Equal(409, data.GetProperty("status").GetInt32());
        await Assert.ThrowsAsync<EndOfStreamException>(() => tail.Reader.NextAsync(EventTimeout, "the end of the stream"));
    }
}
