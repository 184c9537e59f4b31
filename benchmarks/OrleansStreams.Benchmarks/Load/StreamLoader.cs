using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Load;

/// <summary>Fills a stream with entries of three small fields, pipelined over a few connections.</summary>
public static class StreamLoader
{
    public static readonly string[] Fields = ["f1", "v1", "f2", "v2", "f3", "v3"];

    private const int Connections = 4;
    private const int Pipeline = 100;

    public static string[] XAdd(string key) => ["XADD", key, "*", .. Fields];

    public static async Task<LoadResult> LoadAsync(int port, string key, long entries, CancellationToken cancellationToken)
    {
        await using var pool = await ConnectionPool.OpenAsync(port, Connections, cancellationToken);
        var result = await PipelinedLoad.SendCountAsync(pool, RespCommandWriter.Encode(XAdd(key)), Pipeline, entries, cancellationToken);
        if (result.Errors.First is { } error) throw new WorkloadException($"loading {key}: {error}");
        return result;
    }
}
