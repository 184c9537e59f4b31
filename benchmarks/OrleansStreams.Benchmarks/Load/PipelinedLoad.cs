using System.Diagnostics;
using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Load;

/// <summary>
/// The C# load generator in redis-benchmark's shape (-c connections, -P pipeline): every connection sends one
/// pre-encoded batch of <c>pipeline</c> commands, waits for that many replies, and repeats until the time is up.
/// </summary>
public static class PipelinedLoad
{
    public static async Task<LoadResult> RunAsync(ConnectionPool pool, byte[] command, int pipeline, TimeSpan duration, CancellationToken cancellationToken)
    {
        var batch = RespCommandWriter.Repeat(command, pipeline);
        var errors = new ErrorCapture();
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(pool.Connections.Select(connection => Task.Run(async () =>
        {
            long done = 0;
            while (clock.Elapsed < duration)
            {
                await connection.SendAsync(batch, cancellationToken);
                var replies = await connection.ReadRepliesAsync(pipeline, cancellationToken);
                errors.Check(replies.Span);
                done += pipeline;
            }
            return done;
        }, cancellationToken)));
        return new LoadResult(counts.Sum(), clock.Elapsed, errors);
    }

    /// <summary>Sends exactly <paramref name="total"/> commands spread over the pool's connections (for loading data).</summary>
    public static async Task<LoadResult> SendCountAsync(ConnectionPool pool, byte[] command, int pipeline, long total, CancellationToken cancellationToken)
    {
        var batch = RespCommandWriter.Repeat(command, pipeline);
        var errors = new ErrorCapture();
        var clock = Stopwatch.StartNew();
        var share = total / pool.Connections.Count;
        var counts = await Task.WhenAll(pool.Connections.Select((connection, index) => Task.Run(async () =>
        {
            var mine = index == 0 ? share + (total % pool.Connections.Count) : share;
            long done = 0;
            while (done < mine)
            {
                var now = (int)Math.Min(pipeline, mine - done);
                await connection.SendAsync(now == pipeline ? batch : batch.AsMemory(0, command.Length * now), cancellationToken);
                var replies = await connection.ReadRepliesAsync(now, cancellationToken);
                errors.Check(replies.Span);
                done += now;
            }
            return done;
        }, cancellationToken)));
        return new LoadResult(counts.Sum(), clock.Elapsed, errors);
    }
}
