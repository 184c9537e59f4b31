using System.Net;
using OrleansStreams.Api.Tests.Infrastructure;

namespace OrleansStreams.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    [Fact]
    public async Task Document_IsServed_AndDescribesTheEndpointsAndBothWaysToAuthenticate()
    {
        using var http = fixture.Host.CreateClient(apiKey: SecuredApiFixture.ApiKey);

        using var response = await http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/streams/{key}/entries", "/api/streams/{key}/tail", "/api/streams/{key}/trim", "/api/streams/{key}",
            "/api/streams/{key}/groups", "/api/streams/{key}/groups/{group}/read", "/api/streams/{key}/groups/{group}/ack",
            "/api/streams/{key}/groups/{group}/claim", "/api/streams/{key}/groups/{group}/autoclaim",
            "/api/streams/{key}/groups/{group}/pending", "/api/streams/{key}/groups/{group}/consumers",
            "/api/streams/{key}/groups/{group}/policy", "/api/streams/{key}/groups/{group}/consume", "/api/overview",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the document lacks {path}");
        }
        Assert.True(paths.GetProperty("/api/streams/{key}/entries").TryGetProperty("post", out var append));
        Assert.True(append.GetProperty("responses").TryGetProperty("409", out _), "append documents its 409 conflict");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}
