namespace OrleansStreams.Strings;

public enum ExpireOutcome
{
    /// <summary>No such key (reply 0).</summary>
    Missing,

    /// <summary>A condition did not hold (reply 0).</summary>
    NotApplied,

    /// <summary>The expiry was set (reply 1).</summary>
    Applied,

    /// <summary>The time had already passed, so the key was deleted (reply 1).</summary>
    Deleted,
}
