using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Groups;

/// <summary>XAUTOCLAIM: scan pending entries from <see cref="Start"/> and claim those idle at least <see cref="MinIdleMs"/>.</summary>
public sealed record AutoClaimRequest
{
    public string? Consumer { get; init; }

    public long MinIdleMs { get; init; }

    public string Start { get; init; } = "0-0";

    public long? Count { get; init; }

    public bool JustId { get; init; }

    public FieldEncoding Encoding { get; init; } = FieldEncoding.Utf8;
}
