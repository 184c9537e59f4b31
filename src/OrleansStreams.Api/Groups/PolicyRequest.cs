namespace OrleansStreams.Api.Groups;

/// <summary>XGROUPPOLICY SET: re-offer entries idle for <see cref="ClaimIdleMs"/>; dead-letter after <see cref="MaxDeliveries"/>.</summary>
public sealed record PolicyRequest
{
    public long? ClaimIdleMs { get; init; }

    public long? MaxDeliveries { get; init; }

    /// <summary>The stream that receives entries delivered <see cref="MaxDeliveries"/> times.</summary>
    public string? DeadLetter { get; init; }
}
