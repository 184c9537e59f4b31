using System.Net;
using System.Net.Sockets;

namespace OrleansStreams.Benchmarks.Resp;

/// <summary>
/// One loopback RESP connection with a reusable receive buffer. Writers send whole pipelined batches; readers ask for
/// N complete replies and get them as one slice of the buffer, valid until the next read. The blocking variants are
/// for the latency probe's dedicated threads, which stamp arrival times without a thread-pool hop; throughput loops
/// use the async ones (more round trips per CPU second with many connections on few cores).
/// </summary>
public sealed class RespConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private static readonly TimeSpan BlockingTimeout = TimeSpan.FromSeconds(60);

    private RespConnection(Socket socket) => _socket = socket;

    public static async Task<RespConnection> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            // Bounds the blocking calls; the async ones take a cancellation token instead.
            ReceiveTimeout = (int)BlockingTimeout.TotalMilliseconds,
            SendTimeout = (int)BlockingTimeout.TotalMilliseconds,
        };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RespConnection(socket);
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken);
            data = data[sent..];
        }
    }

    /// <summary>Receives until <paramref name="count"/> whole replies are buffered and returns exactly those bytes.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadRepliesAsync(int count, CancellationToken cancellationToken)
    {
        if (_start == _end) _start = _end = 0;
        var scanned = _start;
        var found = 0;
        while (true)
        {
            found += ScanReplies(ref scanned, count - found);
            if (found == count) return TakeReplies(scanned);
            if (_end == _buffer.Length) MakeRoom(ref scanned);
            var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            if (received == 0) throw new IOException("The server closed the connection.");
            _end += received;
        }
    }

    public void Send(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = _socket.Send(data, SocketFlags.None);
            data = data[sent..];
        }
    }

    /// <summary>Blocking <see cref="ReadRepliesAsync"/>.</summary>
    public ReadOnlyMemory<byte> ReadReplies(int count)
    {
        if (_start == _end) _start = _end = 0;
        var scanned = _start;
        var found = 0;
        while (true)
        {
            found += ScanReplies(ref scanned, count - found);
            if (found == count) return TakeReplies(scanned);
            if (_end == _buffer.Length) MakeRoom(ref scanned);
            var received = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (received == 0) throw new IOException("The server closed the connection.");
            _end += received;
        }
    }

    public async Task<RespReply> ExecuteAsync(CancellationToken cancellationToken, params string[] args)
    {
        await SendAsync(RespCommandWriter.Encode(args), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    public async Task<RespReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var reply = await ReadRepliesAsync(1, cancellationToken);
        return RespReply.Parse(reply.Span);
    }

    /// <summary>Closes the socket under a blocked call on another thread, which then fails with an I/O error.</summary>
    public void Abort() => _socket.Dispose();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private ReadOnlyMemory<byte> TakeReplies(int end)
    {
        var replies = _buffer.AsMemory(_start, end - _start);
        _start = end;
        return replies;
    }

    private int ScanReplies(ref int scanned, int wanted)
    {
        var reader = new RespReader(_buffer.AsSpan(scanned, _end - scanned));
        var found = 0;
        while (found < wanted && reader.TrySkip(out _)) found++;
        scanned += reader.Position;
        return found;
    }

    private void MakeRoom(ref int scanned)
    {
        if (_start > 0)
        {
            // Replies already handed out are consumed: slide the unread bytes to the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            scanned -= _start;
            _end -= _start;
            _start = 0;
            return;
        }
        Array.Resize(ref _buffer, _buffer.Length * 2);
    }
}
