namespace OrleansStreams.Client;

/// <summary>
/// The settings of XGROUPPOLICY SET: re-offer entries pending longer than <see cref="ClaimIdle"/>, dead-letter an
/// entry delivered <see cref="MaxDeliveries"/> times into the stream <see cref="DeadLetter"/>. Null leaves a setting out.
/// </summary>
public sealed record GroupPolicy
{
    public TimeSpan? ClaimIdle { get; init; }

    public long? MaxDeliveries { get; init; }

    public string? DeadLetter { get; init; }

    internal void AddTo(CommandBuilder command)
    {
        if (ClaimIdle is { } idle) command.Add("CLAIMIDLE").Add(idle);
        if (MaxDeliveries is { } max) command.Add("MAXDELIVERIES").Add(max);
        if (DeadLetter is not null) command.Add("DEADLETTER").Add(DeadLetter);
    }
}
