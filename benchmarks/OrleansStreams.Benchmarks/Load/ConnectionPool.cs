using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Load;

/// <summary>Connections opened before the clock starts, so connecting is never part of a measurement.</summary>
public sealed class ConnectionPool : IAsyncDisposable
{
    private ConnectionPool(RespConnection[] connections) => Connections = connections;

    public IReadOnlyList<RespConnection> Connections { get; }

    public static async Task<ConnectionPool> OpenAsync(int port, int count, CancellationToken cancellationToken)
    {
        var connections = new RespConnection[count];
        try
        {
            for (var i = 0; i < count; i++) connections[i] = await RespConnection.ConnectAsync(port, cancellationToken);
        }
        catch
        {
            foreach (var connection in connections) if (connection is not null) await connection.DisposeAsync();
            throw;
        }
        return new ConnectionPool(connections);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Connections) await connection.DisposeAsync();
    }
}
