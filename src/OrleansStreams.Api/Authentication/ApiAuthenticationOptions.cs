using System.Text;
using Microsoft.Extensions.Configuration;
using OrleansStreams.Api.Hosting;

namespace OrleansStreams.Api.Authentication;

/// <summary>
/// Who may call the API. With neither API keys nor a JWT signing key the API is open (a local tool); with either,
/// every endpoint but /health and /alive requires an <c>X-Api-Key</c> header or a bearer token.
/// </summary>
public sealed record ApiAuthenticationOptions
{
    /// <summary>Accepted values of the <c>X-Api-Key</c> header (<c>--api-keys key1,key2</c>).</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>HMAC-SHA256 key that signs accepted JWTs (<c>--jwt-signing-key</c>), at least 32 bytes of UTF-8.</summary>
    public string? JwtSigningKey { get; init; }

    /// <summary>Required <c>iss</c> of accepted JWTs (<c>--jwt-issuer</c>); unchecked when not set.</summary>
    public string? JwtIssuer { get; init; }

    /// <summary>Required <c>aud</c> of accepted JWTs (<c>--jwt-audience</c>); unchecked when not set.</summary>
    public string? JwtAudience { get; init; }

    public bool IsEnabled => ApiKeys.Count > 0 || JwtSigningKey is not null;

    /// <summary>HS256 needs a key at least as long as its 256-bit hash.</summary>
    private const int MinimumSigningKeyBytes = 32;

    public static ApiAuthenticationOptions FromConfiguration(IConfiguration configuration)
    {
        var keys = (configuration["api-keys"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new ApiAuthenticationOptions
        {
            ApiKeys = keys,
            JwtSigningKey = configuration["jwt-signing-key"] is { Length: > 0 } key ? key : null,
            JwtIssuer = configuration["jwt-issuer"] is { Length: > 0 } issuer ? issuer : null,
            JwtAudience = configuration["jwt-audience"] is { Length: > 0 } audience ? audience : null,
        };
        if (options.JwtSigningKey is { } signingKey && Encoding.UTF8.GetByteCount(signingKey) < MinimumSigningKeyBytes)
        {
            throw new ApiOptionsException($"--jwt-signing-key must be at least {MinimumSigningKeyBytes} bytes long for HS256.");
        }
        if (options.JwtSigningKey is null && (options.JwtIssuer is not null || options.JwtAudience is not null))
        {
            throw new ApiOptionsException("--jwt-issuer and --jwt-audience need --jwt-signing-key.");
        }
        return options;
    }
}
