namespace OrleansStreams.Api.Groups;

/// <summary>How many of the IDs were pending and are now acknowledged (XACK).</summary>
public sealed record AckResponse(long Acknowledged);
