namespace OrleansStreams.Benchmarks.Processes;

public enum RedisPersistence
{
    /// <summary><c>--save "" --appendonly no</c>: the counterpart of <c>--storage memory</c>.</summary>
    None,

    /// <summary><c>--appendonly yes --appendfsync always</c>.</summary>
    AofAlways,

    /// <summary><c>--appendonly yes --appendfsync everysec</c>.</summary>
    AofEverysec,
}
