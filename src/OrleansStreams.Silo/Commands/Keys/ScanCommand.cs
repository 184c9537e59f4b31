using OrleansStreams.GrainHost;
using OrleansStreams.Keys;

namespace OrleansStreams.Silo.Commands.Keys;

/// <summary>
/// SCAN cursor [MATCH pattern] [COUNT n] [TYPE type]. Keys are visited in the order of a stable 32-bit hash and the
/// cursor is the next hash to visit, so every key present for the whole iteration is returned, as Redis promises.
/// </summary>
public static class ScanCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (!ulong.TryParse(args.Text(1), out var cursor))
        {
            context.Reply.WriteError("ERR invalid cursor");
            return ValueTask.CompletedTask;
        }
        string? pattern = null;
        string? type = null;
        long count = 10;
        for (var i = 2; i < args.Count; i++)
        {
            var hasValue = i + 1 < args.Count;
            if (args.Is(i, "COUNT"u8) && hasValue)
            {
                if (!long.TryParse(args.Text(++i), out count))
                {
                    context.Reply.WriteError("ERR value is not an integer or out of range");
                    return ValueTask.CompletedTask;
                }
                if (count < 1)
                {
                    context.Reply.WriteError("ERR syntax error");
                    return ValueTask.CompletedTask;
                }
            }
            else if (args.Is(i, "MATCH"u8) && hasValue) pattern = args.Text(++i);
            else if (args.Is(i, "TYPE"u8) && hasValue) type = args.Text(++i).ToLowerInvariant();
            else
            {
                context.Reply.WriteError("ERR syntax error");
                return ValueTask.CompletedTask;
            }
        }

        var ordered = context.Services.Keyspace.Snapshot(context.NowMs)
            .Select(k => (Hash: (ulong)new GrainId("key", k.Key).StableHash(), Info: k))
            .Where(k => k.Hash >= cursor)
            .OrderBy(k => k.Hash)
            .ToList();
        var results = new List<string>();
        ulong next = 0;
        var visited = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            // Keys sharing a hash are returned together so the cursor never splits them.
            if (visited >= count && ordered[i].Hash != ordered[i - 1].Hash)
            {
                next = ordered[i].Hash;
                break;
            }
            visited++;
            var info = ordered[i].Info;
            if (pattern is not null && !GlobPattern.IsMatch(pattern, info.Key)) continue;
            if (type is not null && !TypeMatches(info.Type, type)) continue;
            results.Add(info.Key);
        }
        context.Reply.WriteArrayHeader(2);
        context.Reply.WriteBulk(next.ToString());
        context.Reply.WriteArrayHeader(results.Count);
        foreach (var key in results) context.Reply.WriteBulk(key);
        return ValueTask.CompletedTask;
    }

    private static bool TypeMatches(KeyType type, string name) => name == System.Text.Encoding.ASCII.GetString(TypeCommand.NameOf(type));
}
