using System.Globalization;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>Orders stream IDs given as "ms-seq" text, as Redis compares them.</summary>
public static class StreamIdText
{
    public static (ulong Ms, ulong Seq) Parse(string id)
    {
        var dash = id.IndexOf('-');
        return (ulong.Parse(id[..dash], CultureInfo.InvariantCulture), ulong.Parse(id[(dash + 1)..], CultureInfo.InvariantCulture));
    }

    public static int Compare(string left, string right) => Parse(left).CompareTo(Parse(right));

    public static string Max(IEnumerable<string> ids) => ids.Aggregate("0-0", (max, id) => Compare(id, max) > 0 ? id : max);
}
