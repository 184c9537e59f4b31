using System.Net.Sockets;
using System.Text;

namespace OrleansStreams.Silo.Tests.Infrastructure;

/// <summary>
/// A minimal RESP client that returns each reply as its exact bytes (Latin-1 text), so differential tests compare
/// what two servers put on the wire, not what a client library makes of it.
/// </summary>
public sealed class RawRespClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawRespClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawRespClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        return new RawRespClient(tcp);
    }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public async Task<string> ExecuteAsync(params string[] args)
    {
        await SendAsync(args);
        return await ReadReplyAsync();
    }

    public Task SendAsync(params string[] args) => SendRawAsync(Encode(args));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public static byte[] Encode(params string[] args)
    {
        var builder = new StringBuilder();
        builder.Append('*').Append(args.Length).Append("\r\n");
        foreach (var arg in args)
        {
            builder.Append('$').Append(Encoding.Latin1.GetByteCount(arg)).Append("\r\n").Append(arg).Append("\r\n");
        }
        return Encoding.Latin1.GetBytes(builder.ToString());
    }

    /// <summary>Reads one complete reply (nested aggregates included) and returns its raw text.</summary>
    public async Task<string> ReadReplyAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var output = new StringBuilder();
        await ReadValueAsync(output, timeout.Token);
        return output.ToString();
    }

    /// <summary>True when the server closed the connection (reads end of stream) within the timeout.</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                if (_start < _end) { _start = _end; continue; }
                var read = await _stream.ReadAsync(_buffer, timeout.Token);
                if (read == 0) return true;
            }
        }
        catch (IOException)
        {
            return true;
        }
    }

    private async Task ReadValueAsync(StringBuilder output, CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        output.Append(line).Append("\r\n");
        var type = line[0];
        var rest = line[1..];
        switch (type)
        {
            case '$' or '=' or '!':
                var length = int.Parse(rest);
                if (length >= 0)
                {
                    output.Append(await ReadExactAsync(length + 2, cancellationToken));
                }
                break;
            case '*' or '~' or '>':
                var count = int.Parse(rest);
                for (var i = 0; i < count; i++) await ReadValueAsync(output, cancellationToken);
                break;
            case '%' or '|':
                var pairs = int.Parse(rest);
                for (var i = 0; i < pairs * 2; i++) await ReadValueAsync(output, cancellationToken);
                if (type == '|') await ReadValueAsync(output, cancellationToken);
                break;
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf("\r\n"u8);
            if (newline >= 0)
            {
                var line = Encoding.Latin1.GetString(span[..newline]);
                _start += newline + 2;
                return line;
            }
            await FillAsync(cancellationToken);
        }
    }

    private async Task<string> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder(count);
        while (count > 0)
        {
            if (_start == _end) await FillAsync(cancellationToken);
            var take = Math.Min(count, _end - _start);
            builder.Append(Encoding.Latin1.GetString(_buffer, _start, take));
            _start += take;
            count -= take;
        }
        return builder.ToString();
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) throw new InvalidOperationException("Reply line longer than the client buffer.");
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0) throw new IOException("The server closed the connection.");
        _end += read;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
