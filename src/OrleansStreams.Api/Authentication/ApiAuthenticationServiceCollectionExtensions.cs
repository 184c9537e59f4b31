using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace OrleansStreams.Api.Authentication;

public static class ApiAuthenticationServiceCollectionExtensions
{
    /// <summary>The policy every API endpoint requires: open when authentication is not configured.</summary>
    public const string PolicyName = "api";

    /// <summary>API-key and JWT bearer schemes, and the <see cref="PolicyName"/> policy that accepts either.</summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, ApiAuthenticationOptions options)
    {
        var schemes = new List<string>();
        var authentication = services.AddAuthentication();
        if (options.ApiKeys.Count > 0)
        {
            schemes.Add(ApiKeyAuthenticationHandler.SchemeName);
            authentication.AddScheme<ApiKeyAuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName,
                scheme => scheme.KeyHashes = [.. options.ApiKeys.Select(ApiKeyAuthenticationHandler.Hash)]);
        }
        if (options.JwtSigningKey is { } signingKey)
        {
            schemes.Add(JwtBearerDefaults.AuthenticationScheme);
            authentication.AddJwtBearer(jwt =>
            {
                // Tokens are checked locally against the shared key: the API has no identity provider to reach.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = options.JwtIssuer is not null,
                    ValidIssuer = options.JwtIssuer,
                    ValidateAudience = options.JwtAudience is not null,
                    ValidAudience = options.JwtAudience,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        }
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy =>
        {
            if (schemes.Count == 0)
            {
                policy.RequireAssertion(_ => true);
                return;
            }
            policy.AddAuthenticationSchemes([.. schemes]).RequireAuthenticatedUser();
        });
        return services;
    }
}
