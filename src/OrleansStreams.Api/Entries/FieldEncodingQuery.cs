using OrleansStreams.Api.Problems;

namespace OrleansStreams.Api.Entries;

/// <summary>The <c>encoding</c> query parameter: <c>utf8</c> (default) or <c>base64</c>, in any case.</summary>
public static class FieldEncodingQuery
{
    public static FieldEncoding Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "utf8" or "utf-8" => FieldEncoding.Utf8,
        "base64" => FieldEncoding.Base64,
        _ => throw new ApiRequestException($"encoding '{value}' is not known: use utf8 or base64."),
    };
}
