using System.Net;
using System.Net.Sockets;

namespace OrleansStreams.Storage.Tests;

/// <summary>
/// A loopback TCP forwarder to a real server, used to make the server "go away" and come back: while down it
/// cuts every open connection and closes new ones as soon as they arrive.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Socket> _open = [];
    private readonly Task _accepting;
    private volatile bool _down;

    public TcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void GoDown()
    {
        _down = true;
        lock (_lock)
        {
            foreach (var socket in _open)
            {
                // Closing twice (the forwarder may be disposing it too) is harmless.
                socket.Close(0);
            }

            _open.Clear();
        }
    }

    public void ComeBack() => _down = false;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_down)
            {
                client.Client.Close(0);
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
            lock (_lock)
            {
                _open.Add(client.Client);
                _open.Add(server.Client);
            }

            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(client.Client);
                _open.Remove(server.Client);
            }

            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.GetStream().ReadAsync(buffer, _stopping.Token);
                if (read == 0)
                {
                    return;
                }

                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        GoDown();
        await _accepting;
        _stopping.Dispose();
    }
}
