namespace OrleansStreams.Client;

public enum FailedEntryAction
{
    /// <summary>Do not acknowledge: the entry stays pending for redelivery, a claim, or a dead-letter policy.</summary>
    LeavePending,

    /// <summary>Acknowledge it anyway (drop it) after the last attempt.</summary>
    Acknowledge,
}
