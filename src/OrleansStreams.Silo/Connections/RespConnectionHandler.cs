using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using OrleansStreams.Silo.Commands;

namespace OrleansStreams.Silo.Connections;

/// <summary>Kestrel's entry point for RESP connections: hands the socket's pipe to a transport-agnostic loop.</summary>
public sealed class RespConnectionHandler(CommandDispatcher dispatcher, SiloServices services, ILogger<RespConnection> logger) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var session = services.Clients.Open(connection.RemoteEndPoint, services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        var loop = new RespConnection(connection.Transport, session, dispatcher, services, logger);
        await loop.RunAsync(closed.Token).ConfigureAwait(false);
    }
}
