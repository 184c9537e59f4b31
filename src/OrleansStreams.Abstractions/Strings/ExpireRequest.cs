namespace OrleansStreams.Strings;

/// <summary>An EXPIRE-family request resolved to an absolute time in Unix ms (which may be in the past or negative).</summary>
public readonly record struct ExpireRequest(long WhenMs, ExpireConditions Conditions, long NowMs)
{
    /// <summary>
    /// What to do with a live key whose current expiry is <paramref name="currentExpiresAtMs"/> (0 = none), following
    /// Redis's expireGenericCommand: a key without expiry counts as an infinite TTL for GT and LT.
    /// </summary>
    public ExpireOutcome Decide(long currentExpiresAtMs)
    {
        var hasExpiry = currentExpiresAtMs != 0;
        if ((Conditions & ExpireConditions.Nx) != 0 && hasExpiry) return ExpireOutcome.NotApplied;
        if ((Conditions & ExpireConditions.Xx) != 0 && !hasExpiry) return ExpireOutcome.NotApplied;
        if ((Conditions & ExpireConditions.Gt) != 0 && (!hasExpiry || WhenMs <= currentExpiresAtMs)) return ExpireOutcome.NotApplied;
        if ((Conditions & ExpireConditions.Lt) != 0 && hasExpiry && WhenMs >= currentExpiresAtMs) return ExpireOutcome.NotApplied;
        return WhenMs <= NowMs ? ExpireOutcome.Deleted : ExpireOutcome.Applied;
    }
}
