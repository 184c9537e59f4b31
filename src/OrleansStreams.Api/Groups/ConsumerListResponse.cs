namespace OrleansStreams.Api.Groups;

public sealed record ConsumerListResponse(string Stream, string Group, IReadOnlyList<ConsumerResponse> Consumers);
