using System.Globalization;
using System.Text.RegularExpressions;
using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>
/// Optimistic-concurrency appends, an OrleansStreams extension: XADDIF key VERSION n ... appends only when the
/// stream's version (its entries-added counter, 0 for a missing stream) equals n. A version mismatch is a result,
/// not an exception; other errors throw <see cref="StreamsServerException"/>.
/// </summary>
public static partial class ConditionalAppendCommands
{
    /// <summary>XADDIF key VERSION n [NOMKSTREAM] [trim] id field value ...</summary>
    public static async Task<ConditionalAppendResult> XAddIfAsync(this StreamsClient client, string key, long expectedVersion, IReadOnlyList<StreamField> fields, string id = "*", StreamTrim? trim = null, bool noMkStream = false, CancellationToken cancellationToken = default)
    {
        var command = Start("XADDIF", key, expectedVersion, trim, noMkStream);
        command.Add(id);
        StreamCommands.AddFields(command, fields);
        var reply = await client.SendAsync(command, cancellationToken).ConfigureAwait(false);
        if (Mismatch(reply) is { } mismatch) return mismatch;
        return reply.IsNull ? ConditionalAppendResult.NoStream : ConditionalAppendResult.Appended([ReplyReading.Text(reply)]);
    }

    /// <summary>
    /// XADDMULTIIF key VERSION n [NOMKSTREAM] [trim] ENTRIES count &lt;id&gt; npairs field value ... [...]: all the
    /// entries, in order, atomically, or none; each gets an automatic ID. Replies with the new IDs.
    /// </summary>
    public static async Task<ConditionalAppendResult> XAddMultiIfAsync(this StreamsClient client, string key, long expectedVersion, IReadOnlyList<IReadOnlyList<StreamField>> entries, StreamTrim? trim = null, bool noMkStream = false, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0) throw new ArgumentException("Append at least one entry.", nameof(entries));
        var command = Start("XADDMULTIIF", key, expectedVersion, trim, noMkStream);
        command.Add("ENTRIES").Add(entries.Count);
        foreach (var fields in entries)
        {
            command.Add("*").Add(fields.Count);
            StreamCommands.AddFields(command, fields);
        }
        var reply = await client.SendAsync(command, cancellationToken).ConfigureAwait(false);
        if (Mismatch(reply) is { } mismatch) return mismatch;
        return reply.IsNull ? ConditionalAppendResult.NoStream : ConditionalAppendResult.Appended(ReplyReading.Ids(reply));
    }

    /// <summary>
    /// Reads the current version out of a VERSIONMISMATCH error, the last number in its text
    /// ("VERSIONMISMATCH expected version 0 but stream is at 1").
    /// </summary>
    internal static long? CurrentVersionIn(string error)
    {
        var numbers = Number().Matches(error);
        return numbers.Count == 0 ? null : long.Parse(numbers[^1].Value, CultureInfo.InvariantCulture);
    }

    private static CommandBuilder Start(string name, string key, long expectedVersion, StreamTrim? trim, bool noMkStream)
    {
        var command = new CommandBuilder(name).Add(key).Add("VERSION").Add(expectedVersion);
        if (noMkStream) command.Add("NOMKSTREAM");
        trim?.AddTo(command);
        return command;
    }

    private static ConditionalAppendResult? Mismatch(RespValue reply)
    {
        if (!reply.IsError) return null;
        var error = reply.AsString() ?? "ERR";
        if (!error.StartsWith("VERSIONMISMATCH", StringComparison.Ordinal)) throw new StreamsServerException(error);
        return ConditionalAppendResult.Mismatch(CurrentVersionIn(error), error);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
