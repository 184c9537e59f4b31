using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.OpenApi;
using OrleansStreams.Api.Authentication;

namespace OrleansStreams.Api.OpenApi;

public static class ApiOpenApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document at /openapi/v1.json, naming the configured ways to authenticate.</summary>
    public static IServiceCollection AddApiOpenApi(this IServiceCollection services, ApiAuthenticationOptions authentication)
    {
        services.AddOpenApi(openApi => openApi.AddSchemaTransformer(ApiSchemas.DescribeAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "OrleansStreams API",
                Version = "v1",
                Description = "Streams, consumer groups and live tails of an OrleansStreams silo over HTTP. Field names and values are "
                    + "UTF-8 strings, or base64 where an entry or request says \"encoding\": \"base64\". Errors are RFC 7807 problem "
                    + "details whose detail is the silo's error text.",
            };
            if (!authentication.IsEnabled) return Task.CompletedTask;
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            var requirements = new List<OpenApiSecurityRequirement>();
            if (authentication.ApiKeys.Count > 0)
            {
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                };
                requirements.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] });
            }
            if (authentication.JwtSigningKey is not null)
            {
                document.Components.SecuritySchemes[JwtBearerDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                };
                requirements.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(JwtBearerDefaults.AuthenticationScheme, document)] = [] });
            }
            // Alternatives: either scheme is enough.
            document.Security = requirements;
            return Task.CompletedTask;
        }));
        return services;
    }
}
