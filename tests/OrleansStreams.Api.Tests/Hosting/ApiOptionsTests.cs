using Microsoft.Extensions.Configuration;
using OrleansStreams.Api.Hosting;

namespace OrleansStreams.Api.Tests.Hosting;

public sealed class ApiOptionsTests
{
    [Theory]
    [InlineData("--jwt-signing-key", "too-short", "at least 32 bytes")]
    [InlineData("--jwt-issuer", "someone", "need --jwt-signing-key")]
    [InlineData("--silo-port", "70000", "not a port number")]
    [InlineData("--bind", "localhost-ish", "not an IP address")]
    [InlineData("--silo-timeout", "0", "positive number of seconds")]
    public void UnusableSetting_IsRefusedWithAMessageNamingIt(string option, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine([option, value]).Build();

        var error = Assert.Throws<ApiOptionsException>(() => ApiOptions.FromConfiguration(configuration));

        Assert.Contains(option, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ApiKeys_AreReadAsACommaSeparatedList_AndTurnAuthenticationOn()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--api-keys", "one, two"]).Build();

        var options = ApiOptions.FromConfiguration(configuration);

        Assert.Equal(["one", "two"], options.Authentication.ApiKeys);
        Assert.True(options.Authentication.IsEnabled);
    }
}
