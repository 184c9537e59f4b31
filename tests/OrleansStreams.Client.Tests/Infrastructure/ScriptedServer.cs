using System.Net;
using System.Net.Sockets;

namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>
/// A loopback TCP server the test drives by hand: it sees each command the client sends and replies only when and
/// how the test says, so pipelining, cancellation and timeouts can be shown without depending on timing.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<ScriptedConnection> _connections = [];

    public ScriptedServer() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public StreamsClientOptions Options => new() { Port = Port, PoolSize = 1 };

    public async Task<ScriptedConnection> AcceptAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var socket = await _listener.AcceptSocketAsync(timeout.Token);
        var connection = new ScriptedConnection(socket);
        _connections.Add(connection);
        return connection;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) connection.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
