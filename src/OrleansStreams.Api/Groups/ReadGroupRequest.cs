using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Groups;

/// <summary>XREADGROUP for one consumer. Entries read stay pending until acknowledged.</summary>
public sealed record ReadGroupRequest
{
    public string? Consumer { get; init; }

    /// <summary>"&gt;" (default) for entries never delivered to the group; another ID re-reads this consumer's pending entries after it.</summary>
    public string Id { get; init; } = ">";

    public long? Count { get; init; }

    /// <summary>Wait up to this long for new entries (BLOCK); at most <see cref="MaxBlockMs"/>.</summary>
    public long? BlockMs { get; init; }

    /// <summary>Do not add the entries to the pending list (NOACK).</summary>
    public bool NoAck { get; init; }

    public FieldEncoding Encoding { get; init; } = FieldEncoding.Utf8;

    /// <summary>An HTTP request should not hang for minutes; use the consume event stream to wait longer.</summary>
    public const long MaxBlockMs = 60_000;
}
