namespace OrleansStreams.Protocol;

/// <summary>Limits applied while parsing requests; defaults follow Redis.</summary>
public sealed record ProtocolLimits
{
    /// <summary>Largest bulk argument accepted (Redis's proto-max-bulk-len, 512 MB).</summary>
    public long MaxBulkLength { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most arguments in one command (Redis accepts up to INT_MAX; we cap memory use sooner).</summary>
    public int MaxArguments { get; init; } = 1024 * 1024;

    /// <summary>Longest inline command or header line before the request is refused (Redis's PROTO_INLINE_MAX_SIZE).</summary>
    public int MaxInlineLength { get; init; } = 64 * 1024;

    /// <summary>Before authentication Redis refuses multibulk counts above 10 and bulks above 16 KB.</summary>
    public int UnauthenticatedMaxArguments { get; init; } = 10;

    public long UnauthenticatedMaxBulkLength { get; init; } = 16 * 1024;

    public static ProtocolLimits Default { get; } = new();
}
