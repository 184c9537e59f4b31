using OrleansStreams.Keys;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>Every XINFO subcommand but HELP looks its key up first: a missing key is "no such key", another type WRONGTYPE.</summary>
internal static class XInfoKey
{
    public static bool TryCheck(CommandContext context, string key)
    {
        switch (context.Services.Keyspace.TypeOf(key, context.NowMs))
        {
            case KeyType.Stream:
                return true;
            case KeyType.None:
                context.Reply.WriteError(StreamErrors.NoSuchKey);
                return false;
            default:
                context.Reply.WriteError(StreamErrors.WrongType);
                return false;
        }
    }
}
