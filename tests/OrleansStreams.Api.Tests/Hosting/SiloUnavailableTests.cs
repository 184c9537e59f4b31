using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Api.Hosting;
using OrleansStreams.Api.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.Hosting;

public sealed class SiloUnavailableTests : IAsyncLifetime
{
    private WebApplication? _api;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        // A port nothing listens on: the API starts anyway and reports the silo as unavailable.
        _api = ApiApplication.Create(["--port", "0", "--silo-port", FreePort.Next().ToString(), "--silo-timeout", "1", "--Logging:LogLevel:Default", "None"]);
        await _api.StartAsync();
        var address = _api.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task ApiCall_WithTheSiloDown_Is503Problem()
    {
        using var response = await _http!.GetAsync("/api/streams/orders");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Health_IsUnhealthyWithTheSiloDown_WhileAliveStaysHealthy()
    {
        using var health = await _http!.GetAsync("/health");
        using var alive = await _http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_api is not null) await _api.DisposeAsync();
    }
}
