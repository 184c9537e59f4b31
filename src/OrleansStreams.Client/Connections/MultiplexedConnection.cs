using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>
/// One TCP connection that carries many commands at once: a writer loop sends queued commands in batches, a reader
/// loop parses replies and completes the oldest waiting command with each, so replies match commands in order.
/// When the connection breaks, every waiting command fails and the connection is never used again.
/// </summary>
internal sealed class MultiplexedConnection : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<PendingReply> _outgoing = Channel.CreateUnbounded<PendingReply>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<PendingReply> _awaitingReply = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _writerLoop = Task.CompletedTask;
    private Task _readerLoop = Task.CompletedTask;
    private Exception? _failure;
    private int _faulted;

    private MultiplexedConnection(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(stream);
        _output = PipeWriter.Create(stream);
    }

    public bool IsHealthy => Volatile.Read(ref _faulted) == 0;

    public static async Task<MultiplexedConnection> ConnectAsync(StreamsClientOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // Finds a peer that vanished without closing (a dead host) even on a connection waiting in BLOCK.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        MultiplexedConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            connection = new MultiplexedConnection(socket);
            connection.Start();
            await connection.HandshakeAsync(options, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception exception)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            else socket.Dispose();
            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new StreamsConnectionException($"Connecting to {options.Host}:{options.Port} timed out after {CommandBuilder.Describe(options.ConnectTimeout)}.", commandWasSent: false, exception);
            }
            if (exception is SocketException or IOException)
            {
                throw new StreamsConnectionException($"Cannot connect to {options.Host}:{options.Port}: {exception.Message}", commandWasSent: false, exception);
            }
            throw;
        }
    }

    /// <summary>Queues a command; the task completes with its reply (an error reply is a value, not an exception).</summary>
    public Task<RespValue> SendAsync(CommandBuilder command, CancellationToken cancellationToken)
    {
        var pending = new PendingReply(command);
        pending.CancelWith(cancellationToken);
        if (!_outgoing.Writer.TryWrite(pending))
        {
            pending.Fail(new StreamsConnectionException("The connection is closed.", commandWasSent: false, _failure));
        }
        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        Fault(new ObjectDisposedException(nameof(MultiplexedConnection)));
        await _drained.Task.ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private void Start()
    {
        _writerLoop = Task.Run(WriteLoopAsync);
        _readerLoop = Task.Run(ReadLoopAsync);
    }

    private async Task HandshakeAsync(StreamsClientOptions options, CancellationToken cancellationToken)
    {
        if (options.Password is not null)
        {
            var auth = new CommandBuilder("AUTH");
            if (options.User is not null) auth.Add(options.User);
            auth.Add(options.Password);
            var reply = await SendAsync(auth, cancellationToken).ConfigureAwait(false);
            if (reply.IsError) throw new StreamsServerException(reply.AsString() ?? "ERR");
        }
        if (options.ClientName is not null)
        {
            var reply = await SendAsync(new CommandBuilder("CLIENT SETNAME").Add(options.ClientName), cancellationToken).ConfigureAwait(false);
            if (reply.IsError) throw new StreamsServerException(reply.AsString() ?? "ERR");
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var writer = new RespWriter(_output);
            var reader = _outgoing.Reader;
            while (await reader.WaitToReadAsync(_shutdown.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var pending))
                {
                    // A command cancelled before it was written is simply not sent.
                    if (pending.Task.IsCompleted) continue;
                    _awaitingReply.Enqueue(pending);
                    pending.Command.WriteTo(writer);
                    if (_output.UnflushedBytes >= FlushThreshold) await FlushAsync().ConfigureAwait(false);
                }
                await FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            Fault(exception);
        }
    }

    private async ValueTask FlushAsync()
    {
        var result = await _output.FlushAsync(_shutdown.Token).ConfigureAwait(false);
        if (result.IsCompleted) throw new IOException("The connection can no longer be written.");
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_shutdown.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (true)
                {
                    var status = ReplyParser.TryParse(ref buffer, out var value, out var error);
                    if (status == ParseStatus.NeedMoreData) break;
                    if (status == ParseStatus.ProtocolError) throw new InvalidDataException(error);
                    if (!_awaitingReply.TryDequeue(out var pending)) throw new InvalidDataException("The server sent a reply no command was waiting for.");
                    pending.Complete(value!);
                }
                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) throw new IOException("The server closed the connection.");
            }
        }
        catch (Exception exception)
        {
            Fault(exception);
        }
    }

    private void Fault(Exception exception)
    {
        if (Interlocked.Exchange(ref _faulted, 1) != 0) return;
        _failure = exception;
        _outgoing.Writer.TryComplete();
        _shutdown.Cancel();
        _socket.Dispose();
        _ = DrainAsync();
    }

    /// <summary>Once both loops have stopped, fails every command still waiting, saying whether it was sent.</summary>
    private async Task DrainAsync()
    {
        await Task.WhenAll(_writerLoop, _readerLoop).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        var reason = _failure is ObjectDisposedException ? "The connection was closed." : $"The connection failed: {_failure?.Message}";
        while (_awaitingReply.TryDequeue(out var sent))
        {
            sent.Fail(new StreamsConnectionException(reason, commandWasSent: true, _failure));
        }
        while (_outgoing.Reader.TryRead(out var unsent))
        {
            unsent.Fail(new StreamsConnectionException(reason, commandWasSent: false, _failure));
        }
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        _drained.TrySetResult();
    }
}
