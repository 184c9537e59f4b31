using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansStreams.Api.Tests.Infrastructure;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Tests.Authentication;

public sealed class AuthenticationTests(SecuredApiFixture fixture) : IClassFixture<SecuredApiFixture>
{
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/overview" },
        { "GET", "/api/streams" },
        { "GET", "/api/streams/s" },
        { "DELETE", "/api/streams/s" },
        { "POST", "/api/streams/s/entries" },
        { "POST", "/api/streams/s/entries/batch" },
        { "GET", "/api/streams/s/entries" },
        { "DELETE", "/api/streams/s/entries/1-1" },
        { "POST", "/api/streams/s/trim" },
        { "GET", "/api/streams/s/tail" },
        { "GET", "/api/streams/s/groups" },
        { "POST", "/api/streams/s/groups" },
        { "DELETE", "/api/streams/s/groups/g" },
        { "GET", "/api/streams/s/groups/g/consumers" },
        { "POST", "/api/streams/s/groups/g/read" },
        { "POST", "/api/streams/s/groups/g/ack" },
        { "POST", "/api/streams/s/groups/g/claim" },
        { "POST", "/api/streams/s/groups/g/autoclaim" },
        { "GET", "/api/streams/s/groups/g/pending" },
        { "GET", "/api/streams/s/groups/g/pending/entries" },
        { "GET", "/api/streams/s/groups/g/policy" },
        { "PUT", "/api/streams/s/groups/g/policy" },
        { "DELETE", "/api/streams/s/groups/g/policy" },
        { "GET", "/api/streams/s/groups/g/consume?consumer=c" },
        { "GET", "/openapi/v1.json" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task RequestWithoutCredentials_IsRefusedWith401(string method, string path)
    {
        using var http = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { fields = new { a = "b" } });

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RefusedAppend_ChangesNothingInTheSilo()
    {
        var stream = UniqueKey.For("refused");
        using var http = fixture.Host.CreateClient(apiKey: "wrong-key");

        using var response = await http.PostAsJsonAsync($"/api/streams/{stream}/entries", new { fields = new { a = "b" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var silo = new StreamsClient(new StreamsClientOptions { Port = fixture.Host.SiloPort });
        Assert.Equal(0, await silo.ExistsAsync(stream));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task HealthEndpoints_StayOpenWithoutCredentials(string path)
    {
        using var http = fixture.Host.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // ServiceDefaults' health writer: the overall status on the first line, then one line per check.
        Assert.StartsWith("Healthy\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(SecuredApiFixture.ApiKey)]
    [InlineData(SecuredApiFixture.OtherApiKey)]
    public async Task ConfiguredApiKey_IsAccepted(string key)
    {
        var stream = UniqueKey.For("keyed");
        using var http = fixture.Host.CreateClient(apiKey: key);

        var id = await http.AppendAsync(stream, new { a = "b" });

        Assert.Equal(id, (await http.GetJsonAsync($"/api/streams/{stream}")).GetProperty("lastGeneratedId").GetString());
    }

    [Fact]
    public async Task WrongApiKey_IsRefused()
    {
        using var http = fixture.Host.CreateClient(apiKey: SecuredApiFixture.ApiKey + "x");

        using var response = await http.GetAsync("/api/overview");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ValidJwt_IsAccepted()
    {
        using var http = fixture.Host.CreateClient(bearerToken: Token(SecuredApiFixture.JwtSigningKey, SecuredApiFixture.JwtIssuer, SecuredApiFixture.JwtAudience, DateTime.UtcNow.AddMinutes(5)));

        using var response = await http.GetAsync("/api/overview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, string, int> BadTokens => new()
    {
        { "another-signing-key-that-is-long-enough-0123", SecuredApiFixture.JwtIssuer, SecuredApiFixture.JwtAudience, 5 },
        { SecuredApiFixture.JwtSigningKey, "someone-else", SecuredApiFixture.JwtAudience, 5 },
        { SecuredApiFixture.JwtSigningKey, SecuredApiFixture.JwtIssuer, "another-api", 5 },
        { SecuredApiFixture.JwtSigningKey, SecuredApiFixture.JwtIssuer, SecuredApiFixture.JwtAudience, -5 },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task JwtWithWrongKeyIssuerAudienceOrExpiry_IsRefused(string signingKey, string issuer, string audience, int expiresInMinutes)
    {
        var expires = DateTime.UtcNow.AddMinutes(expiresInMinutes);
        using var http = fixture.Host.CreateClient(bearerToken: Token(signingKey, issuer, audience, expires));

        using var response = await http.GetAsync("/api/overview");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DashboardPage_LoadsWithoutCredentials_ButItsDataDoesNot()
    {
        using var http = fixture.Host.CreateClient();

        using var page = await http.GetAsync("/");
        using var data = await http.GetAsync("/api/overview");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("OrleansStreams dashboard", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }

    private static string Token(string signingKey, string issuer, string audience, DateTime expires)
    {
        var notBefore = expires.AddMinutes(-30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "dashboard-user")]),
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
