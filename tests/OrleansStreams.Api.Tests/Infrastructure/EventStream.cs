using System.Net;
using System.Net.Http.Headers;

namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>An open server-sent-events response and a reader over it.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    private EventStream(HttpResponseMessage response, ServerSentEventReader reader)
    {
        _response = response;
        Reader = reader;
    }

    public ServerSentEventReader Reader { get; }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The stream's first event, which says where the API follows from.</summary>
    public ServerSentEvent? Ready { get; private set; }

    /// <summary>Opens the stream and returns once its "ready" event arrived, i.e. once the API is following.</summary>
    public static async Task<EventStream> OpenAsync(HttpClient http, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode}: {body}");
        }
        var stream = new EventStream(response, new ServerSentEventReader(await response.Content.ReadAsStreamAsync()));
        var ready = await stream.Reader.NextAsync(TimeSpan.FromSeconds(15), $"the ready event of {path}");
        if (ready.Type != "ready")
        {
            await stream.DisposeAsync();
            throw new InvalidOperationException($"{path} began with a '{ready.Type}' event, not 'ready': {ready.Data}");
        }
        stream.Ready = ready;
        return stream;
    }

    public ValueTask DisposeAsync()
    {
        Reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
