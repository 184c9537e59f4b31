namespace OrleansStreams.Client;

/// <summary>A trimming clause for XADD and XTRIM: MAXLEN or MINID, exact (=) or approximate (~), with an optional LIMIT.</summary>
public sealed record StreamTrim(StreamTrimStrategy Strategy, string Threshold, bool Approximate = false, long? Limit = null)
{
    public static StreamTrim MaxLen(long length, bool approximate = false, long? limit = null) =>
        new(StreamTrimStrategy.MaxLen, length.ToString(System.Globalization.CultureInfo.InvariantCulture), approximate, limit);

    public static StreamTrim MinId(string id, bool approximate = false, long? limit = null) => new(StreamTrimStrategy.MinId, id, approximate, limit);

    internal void AddTo(CommandBuilder command)
    {
        command.Add(Strategy == StreamTrimStrategy.MaxLen ? "MAXLEN" : "MINID");
        command.Add(Approximate ? "~" : "=");
        command.Add(Threshold);
        if (Limit is { } limit) command.Add("LIMIT").Add(limit);
    }
}
