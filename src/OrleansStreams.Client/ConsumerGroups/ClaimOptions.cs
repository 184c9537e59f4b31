namespace OrleansStreams.Client;

/// <summary>The optional arguments of XCLAIM.</summary>
public sealed record ClaimOptions
{
    /// <summary>IDLE ms: the idle time to set on claimed entries.</summary>
    public TimeSpan? Idle { get; init; }

    /// <summary>TIME: the last delivery time to set, instead of <see cref="Idle"/>.</summary>
    public DateTimeOffset? Time { get; init; }

    public long? RetryCount { get; init; }

    /// <summary>FORCE: create pending entries for IDs not pending yet.</summary>
    public bool Force { get; init; }

    /// <summary>LASTID: advance the group's last delivered ID.</summary>
    public string? LastId { get; init; }

    internal void AddTo(CommandBuilder command)
    {
        if (Idle is { } idle) command.Add("IDLE").Add(idle);
        if (Time is { } time) command.Add("TIME").Add(time.ToUnixTimeMilliseconds());
        if (RetryCount is { } retryCount) command.Add("RETRYCOUNT").Add(retryCount);
        if (Force) command.Add("FORCE");
        if (LastId is not null) command.Add("LASTID").Add(LastId);
    }
}
