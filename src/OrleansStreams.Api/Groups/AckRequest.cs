namespace OrleansStreams.Api.Groups;

public sealed record AckRequest
{
    public IReadOnlyList<string>? Ids { get; init; }
}
