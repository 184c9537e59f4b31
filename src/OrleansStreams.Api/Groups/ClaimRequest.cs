using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Groups;

/// <summary>XCLAIM: move the named pending entries idle at least <see cref="MinIdleMs"/> to <see cref="Consumer"/>.</summary>
public sealed record ClaimRequest
{
    public string? Consumer { get; init; }

    public long MinIdleMs { get; init; }

    public IReadOnlyList<string>? Ids { get; init; }

    public long? IdleMs { get; init; }

    public long? TimeMs { get; init; }

    public long? RetryCount { get; init; }

    public bool Force { get; init; }

    public string? LastId { get; init; }

    /// <summary>Return IDs only, without counting a delivery (JUSTID).</summary>
    public bool JustId { get; init; }

    public FieldEncoding Encoding { get; init; } = FieldEncoding.Utf8;
}
