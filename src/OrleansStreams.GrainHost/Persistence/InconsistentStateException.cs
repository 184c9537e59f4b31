namespace OrleansStreams.GrainHost;

/// <summary>A write carried a version or ETag that no longer matches storage: another writer got there first.</summary>
public sealed class InconsistentStateException(string message, string? storedEtag, string? currentEtag) : Exception(message)
{
    public string? StoredEtag { get; } = storedEtag;

    public string? CurrentEtag { get; } = currentEtag;
}
