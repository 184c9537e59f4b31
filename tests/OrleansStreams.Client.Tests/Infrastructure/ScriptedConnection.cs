using System.Buffers;
using System.Net.Sockets;
using System.Text;
using OrleansStreams.Protocol;

namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>One accepted connection of a <see cref="ScriptedServer"/>; commands are parsed with the silo's own parser.</summary>
public sealed class ScriptedConnection(Socket socket) : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly CommandArguments _arguments = new();
    private int _start;
    private int _end;

    /// <summary>The next command the client sent, as text arguments; waits for it up to 10 seconds.</summary>
    public async Task<string[]> ReceiveCommandAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
            var status = RequestParser.TryParse(ref buffer, _arguments, ProtocolLimits.Default, authenticated: true, out var error);
            if (status == ParseStatus.ProtocolError) throw new InvalidDataException(error);
            if (status == ParseStatus.Complete)
            {
                _start = _end - (int)buffer.Length;
                return Enumerable.Range(0, _arguments.Count).Select(_arguments.Text).ToArray();
            }
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, timeout.Token);
            if (read == 0) throw new IOException("The client closed the connection.");
            _end += read;
        }
    }

    /// <summary>Sends raw reply bytes, for example "+OK\r\n".</summary>
    public async Task SendAsync(string reply) => await socket.SendAsync(Encoding.Latin1.GetBytes(reply), SocketFlags.None);

    public void Dispose() => socket.Dispose();
}
