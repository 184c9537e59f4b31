using OrleansStreams.Api.Problems;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Streams;

/// <summary>Trim to <see cref="MaxLen"/> entries or drop IDs below <see cref="MinId"/>; exactly one of the two.</summary>
public sealed record TrimRequest
{
    public long? MaxLen { get; init; }

    public string? MinId { get; init; }

    /// <summary>Let the silo trim less than asked where it is cheaper (<c>~</c>).</summary>
    public bool Approximate { get; init; }

    /// <summary>At most this many entries removed (LIMIT, only with <see cref="Approximate"/>).</summary>
    public long? Limit { get; init; }

    public StreamTrim ToStreamTrim() => (MaxLen, MinId) switch
    {
        ({ } maxLen, null) => StreamTrim.MaxLen(maxLen, Approximate, Limit),
        (null, { } minId) => StreamTrim.MinId(minId, Approximate, Limit),
        _ => throw new ApiRequestException("Trimming needs exactly one of maxLen and minId."),
    };
}
