using OrleansStreams.Client;

namespace OrleansStreams.Api.Streams;

/// <summary>Finds the silo's streams with SCAN ... TYPE stream, sorted by name.</summary>
public static class StreamDirectory
{
    /// <summary>How many keys one SCAN call visits.</summary>
    private const int ScanBatch = 500;

    public static async Task<List<string>> ListAsync(StreamsClient client, string? match, int limit, CancellationToken cancellationToken)
    {
        var streams = new List<string>();
        var cursor = "0";
        do
        {
            List<string> arguments = ["SCAN", cursor];
            if (match is { Length: > 0 }) arguments.AddRange(["MATCH", match]);
            arguments.AddRange(["COUNT", ScanBatch.ToString(System.Globalization.CultureInfo.InvariantCulture), "TYPE", "stream"]);
            var reply = await client.ExecuteAsync(arguments, cancellationToken);
            if (reply.IsError) throw new StreamsServerException(reply.AsString() ?? "ERR");
            cursor = reply.Items[0].AsString() ?? "0";
            foreach (var key in reply.Items[1].Items) streams.Add(key.AsString() ?? "");
        }
        while (cursor != "0" && streams.Count < limit);
        streams.Sort(StringComparer.Ordinal);
        if (streams.Count > limit) streams.RemoveRange(limit, streams.Count - limit);
        return streams;
    }
}
