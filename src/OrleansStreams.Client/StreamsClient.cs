using System.Diagnostics;
using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>
/// A client for an OrleansStreams silo (or any Redis server) over RESP2. Thread-safe: concurrent calls are pipelined
/// over a small pool of shared connections, blocking reads get a dedicated connection, broken connections are
/// replaced with backoff. Typed commands are extension methods grouped by feature (<see cref="StreamCommands"/>,
/// <see cref="ConsumerGroupCommands"/>, <see cref="GroupPolicyCommands"/>, <see cref="KeyCommands"/>).
/// </summary>
public sealed class StreamsClient : IAsyncDisposable, IDisposable
{
    private readonly ConnectionSlot[] _slots;
    private readonly DedicatedConnectionPool _blocking;
    private int _next;
    private int _disposed;

    public StreamsClient(StreamsClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PoolSize, 1, nameof(options.PoolSize));
        Options = options;
        _slots = new ConnectionSlot[options.PoolSize];
        for (var i = 0; i < _slots.Length; i++) _slots[i] = new ConnectionSlot(options);
        _blocking = new DedicatedConnectionPool(options);
    }

    public StreamsClientOptions Options { get; }

    /// <summary>Creates a client and checks that the server answers PING.</summary>
    public static async Task<StreamsClient> ConnectAsync(StreamsClientOptions options, CancellationToken cancellationToken = default)
    {
        var client = new StreamsClient(options);
        try
        {
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends any command and returns its reply as it came: an error reply is returned, not thrown. Blocking commands
    /// (XREAD/XREADGROUP with BLOCK, BLPOP and the like) go on a dedicated connection. Commands that change the state
    /// of a connection (MULTI, WATCH, SUBSCRIBE, SELECT, HELLO, ...) are refused: connections are shared by all callers.
    /// </summary>
    public Task<RespValue> ExecuteAsync(params string[] arguments) => ExecuteAsync((IReadOnlyList<string>)arguments, CancellationToken.None);

    /// <inheritdoc cref="ExecuteAsync(string[])"/>
    public Task<RespValue> ExecuteAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        ExecuteAsync(arguments.Select(argument => new StreamValue(argument)).ToList(), cancellationToken);

    /// <summary>Binary-safe form of <see cref="ExecuteAsync(string[])"/>.</summary>
    public Task<RespValue> ExecuteAsync(IReadOnlyList<StreamValue> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(arguments.Count, nameof(arguments));
        var command = CommandBuilder.Verbatim(arguments[0]);
        GenericCommands.Check(command.Name, arguments);
        for (var i = 1; i < arguments.Count; i++) command.Add(arguments[i]);
        command.Block = GenericCommands.FindBlock(command.Name, arguments);
        return SendAsync(command, cancellationToken);
    }

    /// <summary>Sends a built command; its reply is returned as it came (error replies included).</summary>
    public async Task<RespValue> SendAsync(CommandBuilder command, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var timeout = command.Block is { } block
            ? (block == TimeSpan.Zero || Options.CommandTimeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : block + Options.CommandTimeout)
            : Options.CommandTimeout;
        using var deadline = timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline?.CancelAfter(timeout);
        var token = deadline?.Token ?? cancellationToken;
        var started = Stopwatch.GetTimestamp();
        var outcome = "connection";
        using var activity = ClientInstruments.StartCommand(command.Name, Options);
        try
        {
            var reply = command.Block is null ? await SendSharedAsync(command, token).ConfigureAwait(false) : await SendDedicatedAsync(command, token).ConfigureAwait(false);
            outcome = reply.IsError ? "error" : "ok";
            return reply;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && deadline is { IsCancellationRequested: true })
        {
            outcome = "timeout";
            // Waiting for a connection ends with the last connection error as the cancellation's inner exception.
            var what = exception.InnerException is { } cause ? $"no connection ({cause.Message})" : "no reply";
            throw new StreamsTimeoutException($"{command.Name} timed out after {CommandBuilder.Describe(timeout)}: {what}.", exception.InnerException ?? exception);
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            ClientInstruments.CommandCompleted(command.Name, outcome, started);
            if (activity is not null && outcome != "ok") activity.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    /// <summary>Sends a built command and throws <see cref="StreamsServerException"/> for an error reply.</summary>
    public async Task<RespValue> SendCheckedAsync(CommandBuilder command, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        if (reply.IsError) throw new StreamsServerException(reply.AsString() ?? "ERR");
        return reply;
    }

    /// <summary>For containers that dispose synchronously; closing sockets does not wait on the network.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var slot in _slots) await slot.DisposeAsync().ConfigureAwait(false);
        await _blocking.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<RespValue> SendSharedAsync(CommandBuilder command, CancellationToken cancellationToken)
    {
        var start = (uint)Interlocked.Increment(ref _next);
        while (true)
        {
            // Prefer a slot that is connected, so one dead connection does not hold up callers routed to it.
            var slot = _slots[start % _slots.Length];
            for (var i = 0; i < _slots.Length && !slot.IsConnected; i++) slot = _slots[(start + i) % _slots.Length];
            MultiplexedConnection connection;
            try
            {
                connection = await slot.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (slot.LastError is { } error)
            {
                throw new OperationCanceledException(exception.Message, error, exception.CancellationToken);
            }
            try
            {
                return await connection.SendAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (StreamsConnectionException exception) when (!exception.CommandWasSent)
            {
                // It never reached the server: sending it on a fresh connection cannot run it twice.
            }
        }
    }

    private async Task<RespValue> SendDedicatedAsync(CommandBuilder command, CancellationToken cancellationToken)
    {
        while (true)
        {
            MultiplexedConnection connection;
            try
            {
                connection = await _blocking.RentAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (_blocking.LastError is { } error)
            {
                throw new OperationCanceledException(exception.Message, error, exception.CancellationToken);
            }
            var reusable = false;
            try
            {
                var reply = await connection.SendAsync(command, cancellationToken).ConfigureAwait(false);
                reusable = true;
                return reply;
            }
            catch (StreamsConnectionException exception) when (!exception.CommandWasSent)
            {
            }
            finally
            {
                await _blocking.ReturnAsync(connection, reusable).ConfigureAwait(false);
            }
        }
    }
}
