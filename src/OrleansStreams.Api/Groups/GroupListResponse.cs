namespace OrleansStreams.Api.Groups;

public sealed record GroupListResponse(string Stream, IReadOnlyList<GroupResponse> Groups);
