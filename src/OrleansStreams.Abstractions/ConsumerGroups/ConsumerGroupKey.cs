using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OrleansStreams.GrainHost;

namespace OrleansStreams.ConsumerGroups;

/// <summary>The key of a consumer-group grain: the stream key and the group name, combined without ambiguity.</summary>
public static class ConsumerGroupKey
{
    public static string Create(string streamKey, string groupName) => GrainId.CompositeKey(streamKey, groupName);

    /// <summary>Splits a key made by <see cref="Create"/>.</summary>
    public static bool TryParse(string key, [NotNullWhen(true)] out string? streamKey, [NotNullWhen(true)] out string? groupName)
    {
        streamKey = null;
        groupName = null;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(key.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var length)) return false;
        if (length > key.Length - colon - 1) return false;
        streamKey = key.Substring(colon + 1, length);
        groupName = key[(colon + 1 + length)..];
        return true;
    }
}
