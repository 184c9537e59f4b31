using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Api.Hosting;
using OrleansStreams.Silo.Hosting;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>A real silo (in-memory storage) and the real API in front of it, each on its own loopback port.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _silo;
    private readonly WebApplication _api;

    private ApiHost(WebApplication silo, int siloPort, WebApplication api, Uri baseAddress)
    {
        _silo = silo;
        _api = api;
        SiloPort = siloPort;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int SiloPort { get; }

    public IServiceProvider ApiServices => _api.Services;

    /// <summary>Starts both; <paramref name="apiArgs"/> adds API options such as <c>--api-keys</c>.</summary>
    public static async Task<ApiHost> StartAsync(params string[] apiArgs)
    {
        var siloPort = FreePort.Next();
        var silo = SiloApplication.Create(["--port", siloPort.ToString(), "--bind", "127.0.0.1", "--storage", "memory", "--Logging:LogLevel:Default", "Warning"]);
        await silo.StartAsync();
        WebApplication? api = null;
        try
        {
            api = ApiApplication.Create(["--port", "0", "--bind", "127.0.0.1", "--silo-port", siloPort.ToString(), "--Logging:LogLevel:Default", "Warning", .. apiArgs]);
            await api.StartAsync();
            var address = api.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new ApiHost(silo, siloPort, api, new Uri(address));
        }
        catch
        {
            if (api is not null) await api.DisposeAsync();
            await silo.StopAsync();
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client for the API; with a key, every request carries <c>X-Api-Key</c>.</summary>
    public HttpClient CreateClient(string? apiKey = null, string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>Stops the API gracefully, as on SIGTERM; the silo keeps running.</summary>
    public Task StopApiAsync() => _api.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _api.StopAsync();
        await _api.DisposeAsync();
        await _silo.StopAsync();
        await _silo.DisposeAsync();
    }
}
