using System.Globalization;

namespace OrleansStreams.Client;

/// <summary>What <see cref="StreamsClient.ExecuteAsync(string[])"/> must know about a command it does not type.</summary>
internal static class GenericCommands
{
    /// <summary>
    /// Commands whose effect outlives the command on its connection. On a connection shared by pipelined callers they
    /// would capture or change other callers' commands (MULTI would queue them; SUBSCRIBE would stop replies).
    /// </summary>
    private static readonly HashSet<string> ConnectionState = new(StringComparer.OrdinalIgnoreCase)
    {
        "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE",
        "PUNSUBSCRIBE", "SUNSUBSCRIBE", "MONITOR", "SELECT", "HELLO", "AUTH", "RESET", "QUIT", "READONLY", "READWRITE",
    };

    /// <summary>Blocking commands without a BLOCK option: they wait until their own timeout argument.</summary>
    private static readonly HashSet<string> AlwaysBlocking = new(StringComparer.OrdinalIgnoreCase)
    {
        "BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP", "WAIT", "WAITAOF",
    };

    public static void Check(string name, IReadOnlyList<StreamValue> arguments)
    {
        var refused = ConnectionState.Contains(name)
            || (name == "CLIENT" && arguments.Count > 1 && arguments[1].ToString().Equals("REPLY", StringComparison.OrdinalIgnoreCase));
        if (refused)
        {
            throw new NotSupportedException($"{name} changes the state of its connection, and the client's connections are shared by every caller; use a separate client or connection-free commands.");
        }
    }

    /// <summary>The BLOCK time of XREAD/XREADGROUP; <see cref="TimeSpan.Zero"/> (no client timeout) for other blocking commands.</summary>
    public static TimeSpan? FindBlock(string name, IReadOnlyList<StreamValue> arguments)
    {
        if (AlwaysBlocking.Contains(name)) return TimeSpan.Zero;
        if (name is not ("XREAD" or "XREADGROUP")) return null;
        for (var i = 1; i + 1 < arguments.Count; i++)
        {
            var word = arguments[i].ToString();
            if (word.Equals("STREAMS", StringComparison.OrdinalIgnoreCase)) break;
            if (word.Equals("BLOCK", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(arguments[i + 1].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }
        return null;
    }
}
