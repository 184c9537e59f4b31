namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>One silo and an API that requires an API key or a JWT, shared by a test class.</summary>
public sealed class SecuredApiFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-7c1f0e";

    public const string OtherApiKey = "test-key-second";

    /// <summary>HS256 needs 32 bytes or more.</summary>
    public const string JwtSigningKey = "jwt-signing-key-for-tests-0123456789abcdef";

    public const string JwtIssuer = "orleansstreams-tests";

    public const string JwtAudience = "orleansstreams-api";

    private ApiHost? _host;

    public ApiHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(
        "--api-keys", $"{ApiKey},{OtherApiKey}",
        "--jwt-signing-key", JwtSigningKey,
        "--jwt-issuer", JwtIssuer,
        "--jwt-audience", JwtAudience);

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
