namespace OrleansStreams.Api.Entries;

/// <summary>How field names and values travel in JSON: UTF-8 text, or base64 for arbitrary bytes.</summary>
public enum FieldEncoding
{
    Utf8,
    Base64,
}
