using OrleansStreams.GrainHost;
using OrleansStreams.Hashes;
using OrleansStreams.Keys;
using OrleansStreams.Silo.Commands.Strings;
using OrleansStreams.Strings;

namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>What the hash command handlers share: finding the key's grain and answering WRONGTYPE.</summary>
internal static class HashKey
{
    /// <summary>
    /// For a read: false (WRONGTYPE written) when the key holds another type; otherwise the hash's grain, or null
    /// when the key is missing and the reply is the empty one (no grain is activated for it).
    /// </summary>
    public static bool TryFind(CommandContext context, out IGrainReference<IHashGrain>? grain)
    {
        var key = context.Args.Text(1);
        grain = null;
        switch (context.Services.Keyspace.TypeOf(key, context.NowMs))
        {
            case KeyType.None:
                return true;
            case KeyType.Hash:
                grain = context.Grains.GetGrain<IHashGrain>(key);
                return true;
            default:
                context.Reply.WriteError(PlainKeyErrors.WrongType);
                return false;
        }
    }

    public static IGrainReference<IHashGrain> Grain(CommandContext context) => context.Grains.GetGrain<IHashGrain>(context.Args.Text(1));

    /// <summary>Writes WRONGTYPE when the grain found another type in the way; true when the read is usable.</summary>
    public static bool Check<T>(CommandContext context, KeyRead<T> read)
    {
        if (!read.WrongType) return true;
        context.Reply.WriteError(PlainKeyErrors.WrongType);
        return false;
    }

    /// <summary>Arguments from <paramref name="first"/> on, as field names.</summary>
    public static string[] Fields(CommandContext context, int first)
    {
        var fields = new string[context.Args.Count - first];
        for (var i = 0; i < fields.Length; i++) fields[i] = context.Args.Text(first + i);
        return fields;
    }

    /// <summary>Field/value pairs from argument 2 on.</summary>
    public static HashField[] Pairs(CommandContext context)
    {
        var args = context.Args;
        var pairs = new HashField[(args.Count - 2) / 2];
        for (var i = 0; i < pairs.Length; i++) pairs[i] = new HashField(args.Text(2 + 2 * i), args.ToArray(3 + 2 * i));
        return pairs;
    }
}
