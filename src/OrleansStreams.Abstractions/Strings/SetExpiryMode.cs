namespace OrleansStreams.Strings;

public enum SetExpiryMode
{
    /// <summary>No expiry option: SET removes any TTL.</summary>
    Clear,

    /// <summary>KEEPTTL.</summary>
    Keep,

    /// <summary>EX, PX, EXAT or PXAT, resolved to an absolute time.</summary>
    At,
}
