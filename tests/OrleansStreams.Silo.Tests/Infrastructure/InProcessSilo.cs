using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Silo.Hosting;

namespace OrleansStreams.Silo.Tests.Infrastructure;

/// <summary>A real silo, with its Kestrel RESP listener, started inside the test process on a free loopback port.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessSilo(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessSilo> StartAsync(string[]? extraArgs = null, Action<IServiceCollection>? configureServices = null)
    {
        var port = FreePort.Next();
        string[] args = ["--port", port.ToString(), "--bind", "127.0.0.1", "--Logging:LogLevel:Default", "Warning", "--storage", "memory", .. extraArgs ?? []];
        var app = SiloApplication.Create(args, configureServices);
        await app.StartAsync();
        return new InProcessSilo(app, port);
    }

    public Task<RawRespClient> ConnectAsync() => RawRespClient.ConnectAsync(Port);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
