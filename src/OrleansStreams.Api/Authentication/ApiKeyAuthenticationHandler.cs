using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrleansStreams.Api.Authentication;

/// <summary>Accepts a request whose <c>X-Api-Key</c> header is one of the configured keys.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presented = values.ToString();
        for (var i = 0; i < Options.KeyHashes.Count; i++)
        {
            // Hashes have one length, so the comparison takes the same time whatever the presented key is.
            if (CryptographicOperations.FixedTimeEquals(Hash(presented), Options.KeyHashes[i]))
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"api-key-{i + 1}")], SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }
        return Task.FromResult(AuthenticateResult.Fail("The X-Api-Key header does not hold a valid API key."));
    }

    internal static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
