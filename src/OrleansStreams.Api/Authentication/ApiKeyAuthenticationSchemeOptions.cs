using Microsoft.AspNetCore.Authentication;

namespace OrleansStreams.Api.Authentication;

/// <summary>The accepted API keys, kept as SHA-256 hashes for constant-time comparison.</summary>
public sealed class ApiKeyAuthenticationSchemeOptions : AuthenticationSchemeOptions
{
    public IReadOnlyList<byte[]> KeyHashes { get; set; } = [];
}
