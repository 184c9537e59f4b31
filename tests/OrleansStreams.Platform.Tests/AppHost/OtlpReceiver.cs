using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Platform.Tests.AppHost;

/// <summary>
/// A stand-in OTLP/HTTP collector: accepts protobuf exports on /v1/traces, /v1/metrics and /v1/logs without decoding
/// them. Names in OTLP protobuf are plain UTF-8, so a test can wait for an export that mentions a span, a metric or
/// a service by searching the body's bytes.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(string Path, string Body)> _exports = [];
    private readonly List<(string Path, string[] Texts, TaskCompletionSource Found)> _waiters = [];

    private OtlpReceiver(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Received("/v1/" + signal, Encoding.Latin1.GetString(body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    private void Received(string path, string body)
    {
        lock (_gate)
        {
            _exports.Add((path, body));
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Path != path || !HasAll(path, _waiters[i].Texts)) continue;
                _waiters[i].Found.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Waits until exports to <paramref name="path"/> that name <paramref name="texts"/>[0] (the service) contain
    /// each of the other texts. A batch exporter may split one trace's spans across exports, so they are looked for
    /// across every export of that service, not in a single one.
    /// </summary>
    public async Task WaitForAsync(string path, TimeSpan timeout, params string[] texts)
    {
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (HasAll(path, texts)) return;
            _waiters.Add((path, texts, found));
        }

        try
        {
            await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            string seen;
            lock (_gate) seen = string.Join(", ", _exports.GroupBy(e => e.Path).Select(g => $"{g.Key} x{g.Count()}"));
            throw new TimeoutException($"No OTLP export to {path} containing {string.Join(", ", texts)} within {timeout.TotalSeconds} s; received: {seen}");
        }
    }

    // Called under _gate.
    private bool HasAll(string path, string[] texts)
        => texts.All(text => _exports.Any(e => e.Path == path && e.Body.Contains(texts[0]) && e.Body.Contains(text)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
