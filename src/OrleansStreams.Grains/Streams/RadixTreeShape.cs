namespace OrleansStreams.Grains.Streams;

/// <summary>
/// Counts the nodes of Redis's radix tree (rax) holding 16-byte big-endian keys: a run of bytes shared by every key
/// below a point is one compressed node, a point where keys part ways is one branching node, and every key ends in
/// a leaf node. An empty tree is its root alone.
/// </summary>
internal static class RadixTreeShape
{
    private const int KeyLength = 16;

    /// <summary><paramref name="sortedKeys"/> must be ascending and distinct.</summary>
    public static long CountNodes(ReadOnlySpan<UInt128> sortedKeys)
        => sortedKeys.IsEmpty ? 1 : Count(sortedKeys, 0);

    private static long Count(ReadOnlySpan<UInt128> keys, int depth)
    {
        if (depth == KeyLength) return 1;
        // Sorted keys: the prefix shared by all of them is the prefix shared by the first and the last.
        var shared = SharedPrefix(keys[0], keys[^1]);
        if (shared > depth) return 1 + Count(keys, shared);
        long total = 1;
        var start = 0;
        while (start < keys.Length)
        {
            var digit = ByteAt(keys[start], depth);
            var end = start + 1;
            while (end < keys.Length && ByteAt(keys[end], depth) == digit) end++;
            total += Count(keys[start..end], depth + 1);
            start = end;
        }
        return total;
    }

    private static int SharedPrefix(UInt128 a, UInt128 b)
    {
        var difference = a ^ b;
        return difference == UInt128.Zero ? KeyLength : (int)(UInt128.LeadingZeroCount(difference) / 8);
    }

    private static byte ByteAt(UInt128 key, int index) => (byte)(key >> ((KeyLength - 1 - index) * 8));
}
