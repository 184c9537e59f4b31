using System.Diagnostics;
using OrleansStreams.Benchmarks.Load;
using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Workloads;

/// <summary>The two threads' shared state: the reader arms, the writer adds, the reader reports the wake-up.</summary>
internal sealed class WakeUpSession(RespConnection reader, RespConnection writer, string key, int iterations, CancellationToken cancellationToken)
{
    private readonly byte[] _read = RespCommandWriter.Encode("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "BLOCK", "10000", "STREAMS", key, ">");
    private readonly byte[] _add = RespCommandWriter.Encode(StreamLoader.XAdd(key));
    private readonly SemaphoreSlim _armed = new(0);
    private readonly SemaphoreSlim _woken = new(0);
    private long _sent;
    private volatile string? _error;

    public LatencySamples Samples { get; } = new(iterations);

    public string? Error => _error;

    public void RunReader()
    {
        try
        {
            for (var i = 0; i < iterations && _error is null; i++)
            {
                reader.Send(_read);
                _armed.Release();
                var raw = reader.ReadReplies(1);
                var received = Stopwatch.GetTimestamp();
                var reply = RespReply.Parse(raw.Span);
                if (reply.IsError) Fail(reply.Text ?? "error");
                else if (reply.Kind == RespTokenKind.Null) Fail("XREADGROUP BLOCK timed out without the entry");
                else Samples.Add(Stopwatch.GetElapsedTime(Interlocked.Read(ref _sent), received));
                _woken.Release();
            }
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or InvalidDataException)
        {
            Fail(exception.Message);
            _woken.Release();
        }
    }

    public void RunWriter()
    {
        try
        {
            for (var i = 0; i < iterations && _error is null; i++)
            {
                if (!_armed.Wait(TimeSpan.FromSeconds(60), cancellationToken)) throw new TimeoutException("the reader never armed");
                Thread.Sleep(1);
                Interlocked.Exchange(ref _sent, Stopwatch.GetTimestamp());
                writer.Send(_add);
                var added = RespReply.Parse(writer.ReadReplies(1).Span);
                if (added.IsError) throw new InvalidDataException(added.Text);
                if (!_woken.Wait(TimeSpan.FromSeconds(60), cancellationToken)) throw new TimeoutException("the blocked reader never woke");
            }
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or InvalidDataException
            or TimeoutException or OperationCanceledException)
        {
            Fail(exception.Message);
            // Unblocks the reader if it still waits for an entry that will not come.
            reader.Abort();
        }
    }

    private void Fail(string error) => Interlocked.CompareExchange(ref _error, error, null);
}
