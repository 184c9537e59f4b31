using System.Globalization;
using OrleansStreams.Strings;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>
/// What XADDIF and XADDMULTIIF share: the <c>VERSION n</c> after the key (n = the stream's entries-added counter it
/// must have, 0 for a missing key), the grain call, and the VERSIONMISMATCH reply.
/// </summary>
internal static class ConditionalAdd
{
    /// <summary>Where the XADD options start: after key, VERSION and n.</summary>
    public const int OptionsStart = 4;

    public const string VersionNegative = "ERR VERSION must be >= 0";

    public static bool TryParseVersion(CommandContext context, out long version)
    {
        version = 0;
        var args = context.Args;
        if (!args.Is(2, "VERSION"u8))
        {
            context.Reply.WriteError(StreamErrors.Syntax);
            return false;
        }
        if (!RedisInteger.TryParse(args[3], out version))
        {
            context.Reply.WriteError(StreamErrors.NotInteger);
            return false;
        }
        if (version < 0)
        {
            context.Reply.WriteError(VersionNegative);
            return false;
        }
        return true;
    }

    public static ValueTask<StreamConditionalAddResult> AddAsync(CommandContext context, StreamConditionalAddRequest request)
        => context.Grains.GetGrain<IStreamGrain>(context.Args.Text(1)).InvokeAsync(g => g.AddIfAsync(request));

    public static void WriteMismatch(CommandContext context, long expected, long current)
        => context.Reply.WriteError(string.Create(CultureInfo.InvariantCulture, $"VERSIONMISMATCH expected version {expected} but stream is at {current}"));
}
