using System.Diagnostics;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>
/// One consumer's loop: XREADGROUP &gt; COUNT n, then XACK of exactly the IDs it got, until nothing new or time is up.
/// Async I/O: with several consumers on 2 cores it gets more round trips per CPU second than blocking threads do.
/// </summary>
public static class GroupConsumer
{
    public static Task<long> StartAsync(
        RespConnection connection, string key, string group, string consumer, int count, TimeSpan duration, Stopwatch clock,
        ErrorCapture errors, CancellationToken cancellationToken) =>
        Task.Run(() => RunAsync(connection, key, group, consumer, count, duration, clock, errors, cancellationToken), cancellationToken);

    private static async Task<long> RunAsync(
        RespConnection connection, string key, string group, string consumer, int count, TimeSpan duration, Stopwatch clock,
        ErrorCapture errors, CancellationToken cancellationToken)
    {
        var read = RespCommandWriter.Encode("XREADGROUP", "GROUP", group, consumer, "COUNT", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "STREAMS", key, ">");
        var ack = new RespCommandWriter();
        long consumed = 0;
        while (clock.Elapsed < duration)
        {
            await connection.SendAsync(read, cancellationToken);
            var reply = await connection.ReadRepliesAsync(1, cancellationToken);
            var ids = WriteAck(reply.Span, key, group, ack, errors);
            if (ids <= 0) break;
            await connection.SendAsync(ack.WrittenMemory, cancellationToken);
            var acked = await connection.ReadRepliesAsync(1, cancellationToken);
            errors.Check(acked.Span);
            if (errors.First is not null) break;
            consumed += ids;
        }
        return consumed;
    }

    /// <summary>
    /// Turns an XREADGROUP reply (<c>[[key, [[id, fields], ...]]]</c> or null) into <c>XACK key group id...</c>.
    /// Returns the number of IDs, 0 when the group has nothing new, -1 on an error reply.
    /// </summary>
    private static int WriteAck(ReadOnlySpan<byte> reply, string key, string group, RespCommandWriter ack, ErrorCapture errors)
    {
        var reader = new RespReader(reply);
        reader.TryRead(out var kind, out var streams, out _);
        if (kind == RespTokenKind.Error)
        {
            errors.Check(reply);
            return -1;
        }
        if (kind == RespTokenKind.Null || streams == 0) return 0;
        if (kind == RespTokenKind.Map)
        {
            // RESP3 shape: key => entries.
            reader.TryReadString(out _);
        }
        else
        {
            reader.TryRead(out _, out _, out _);
            reader.TryReadString(out _);
        }
        reader.TryRead(out _, out var entries, out _);
        ack.Clear();
        ack.WriteArrayHeader(3 + (int)entries);
        ack.WriteBulk("XACK");
        ack.WriteBulk(key);
        ack.WriteBulk(group);
        for (var i = 0; i < entries; i++)
        {
            reader.TryRead(out _, out _, out _);
            if (!reader.TryReadString(out var id))
            {
                errors.Record("XREADGROUP reply has an entry without an ID");
                return -1;
            }
            ack.WriteBulk(id);
            reader.TrySkip(out _);
        }
        return (int)entries;
    }
}
