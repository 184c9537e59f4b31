namespace OrleansStreams.Api.Streams;

/// <summary>Entries appended together, in order, all or none, only while the stream is at <see cref="ExpectedVersion"/>.</summary>
public sealed record AppendBatchRequest
{
    public long ExpectedVersion { get; init; }

    public IReadOnlyList<BatchEntry>? Entries { get; init; }

    public bool NoMkStream { get; init; }

    public TrimRequest? Trim { get; init; }
}
