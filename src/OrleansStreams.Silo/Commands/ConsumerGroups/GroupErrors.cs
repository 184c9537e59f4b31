using System.Text;
using OrleansStreams.Protocol;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// Redis's error replies for the consumer-group commands, word for word (Redis 7.2+ wording where versions differ).
/// Messages that quote a key or a name are written in Latin-1, like the argument they came from, so binary names
/// come back byte for byte; as in Redis (C strings) a name stops at its first NUL.
/// </summary>
public static class GroupErrors
{
    public const string BusyGroup = "BUSYGROUP Consumer Group name already exists";
    public const string RequiresKey = "ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.";
    public const string EntriesReadNegative = "ERR value for ENTRIESREAD must be positive or -1";
    public const string MissingGroupOption = "ERR Missing GROUP option for XREADGROUP";
    public const string ReadGroupUnbalanced = "ERR Unbalanced 'xreadgroup' list of streams: for each stream key an ID or '>' must be specified.";
    public const string ReadGroupDollar = "ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.";
    public const string ReadGroupPlus = "ERR The + ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The + ID would just return an empty result set.";
    public const string ClaimMinIdle = "ERR Invalid min-idle-time argument for XCLAIM";
    public const string ClaimIdle = "ERR Invalid IDLE option argument for XCLAIM";
    public const string ClaimTime = "ERR Invalid TIME option argument for XCLAIM";
    public const string ClaimRetryCount = "ERR Invalid RETRYCOUNT option argument for XCLAIM";
    public const string AutoClaimMinIdle = "ERR Invalid min-idle-time argument for XAUTOCLAIM";
    public const string AutoClaimCount = "ERR COUNT must be > 0";

    /// <summary>XREADGROUP's NOGROUP.</summary>
    public static void WriteReadGroupNoGroup(RespWriter reply, string key, string group)
        => WriteLatin1(reply, $"NOGROUP No such key '{CString(key)}' or consumer group '{CString(group)}' in XREADGROUP with GROUP option");

    /// <summary>The NOGROUP of XPENDING, XCLAIM and XAUTOCLAIM.</summary>
    public static void WriteNoKeyOrGroup(RespWriter reply, string key, string group)
        => WriteLatin1(reply, $"NOGROUP No such key '{CString(key)}' or consumer group '{CString(group)}'");

    /// <summary>The NOGROUP of XGROUP SETID/CREATECONSUMER/DELCONSUMER and XINFO CONSUMERS.</summary>
    public static void WriteNoSuchGroup(RespWriter reply, string key, string group)
        => WriteLatin1(reply, $"NOGROUP No such consumer group '{CString(group)}' for key name '{CString(key)}'");

    public static void WriteUnrecognizedClaimOption(RespWriter reply, string option)
        => WriteLatin1(reply, $"ERR Unrecognized XCLAIM option '{CString(option)}'");

    /// <summary>
    /// addReplySubcommandSyntaxError: a known subcommand with bad options. The subcommand is quoted as typed (at most
    /// 128 bytes), the command name upper-cased.
    /// </summary>
    public static void WriteSubcommandSyntax(RespWriter reply, string command, string subcommand)
    {
        var typed = CString(subcommand);
        if (typed.Length > 128) typed = typed[..128];
        WriteLatin1(reply, $"ERR unknown subcommand or wrong number of arguments for '{typed}'. Try {command.ToUpperInvariant()} HELP.");
    }

    /// <summary>An error line in Latin-1; line breaks inside become spaces, as Redis makes them.</summary>
    public static void WriteLatin1(RespWriter reply, string message)
    {
        reply.WriteRawBytes("-"u8);
        reply.WriteRawBytes(Encoding.Latin1.GetBytes(message.Replace('\r', ' ').Replace('\n', ' ')));
        reply.WriteRawBytes("\r\n"u8);
    }

    private static string CString(string value)
    {
        var nul = value.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? value : value[..nul];
    }
}
