using System.Net;
using System.Net.Sockets;

namespace OrleansStreams.AppHost.Hosting;

internal static class FreePort
{
    /// <summary>The port itself, or a free loopback port for 0.</summary>
    public static int Resolve(int port)
    {
        if (port != 0) return port;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
