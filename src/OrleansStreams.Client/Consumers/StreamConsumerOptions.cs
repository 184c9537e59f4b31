namespace OrleansStreams.Client;

/// <summary>What a <see cref="StreamConsumerService"/> reads, and how it handles work and failures.</summary>
public sealed record StreamConsumerOptions
{
    public required string Stream { get; init; }

    public required string Group { get; init; }

    /// <summary>This member's name in the group; keep it stable across restarts so its pending entries are resumed.</summary>
    public string Consumer { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Create the group (and the stream) at start when missing, from <see cref="StartId"/>.</summary>
    public bool CreateGroup { get; init; } = true;

    /// <summary>Where a newly created group starts: "$" for new entries only, "0" for the whole stream.</summary>
    public string StartId { get; init; } = "$";

    /// <summary>Handlers running at once; reads ask only for as many entries as there are free slots.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Most entries asked for in one XREADGROUP.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>BLOCK time of each read; shutdown does not wait for it (the read is cancelled).</summary>
    public TimeSpan Block { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Handler attempts per delivery before the entry counts as failed.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the second attempt; doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// What happens after the last failed attempt: by default the entry stays pending, so a group policy
    /// (XGROUPPOLICY CLAIMIDLE/MAXDELIVERIES) or XAUTOCLAIM redelivers or dead-letters it.
    /// </summary>
    public FailedEntryAction OnFailure { get; init; } = FailedEntryAction.LeavePending;

    /// <summary>Before reading new entries, re-handle the entries this consumer still has pending (after a crash).</summary>
    public bool ResumePending { get; init; } = true;

    /// <summary>Wait after a failed read (connection lost, server error) before reading again.</summary>
    public TimeSpan ReadErrorDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
