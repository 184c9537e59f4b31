using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.AppHost.Dashboard;

/// <summary>The AppHost's own resource view on loopback: an HTML page and the same data as JSON at /resources.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(int port, Func<IReadOnlyList<ResourceView>> resources, string? otlp)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(DashboardPage.Render(resources(), otlp), "text/html; charset=utf-8"));
        app.MapGet("/resources", () => Results.Json(resources()));
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new DashboardServer(app, new Uri($"http://127.0.0.1:{address.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
