namespace OrleansStreams.GrainHost;

/// <summary>A grain's identity: its type name and a string key. Keys may hold any byte (Latin-1 mapped), so equality is ordinal.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    /// <summary>A hash that is the same in every process (string.GetHashCode is randomised per process), for placement.</summary>
    public uint StableHash()
    {
        const uint offset = 2166136261, prime = 16777619;
        uint hash = offset;
        foreach (var c in Type) hash = (hash ^ c) * prime;
        hash = (hash ^ '/') * prime;
        foreach (var c in Key) hash = (hash ^ c) * prime;
        return hash;
    }

    /// <summary>Builds an unambiguous composite key (for example stream + group): the first part is length-prefixed, so any byte may appear in either part.</summary>
    public static string CompositeKey(string first, string second) => $"{first.Length}:{first}{second}";
}
