namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>One silo and API without authentication, shared by a test class; tests use unique keys.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private ApiHost? _host;

    public ApiHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
