using System.Collections.Concurrent;

namespace OrleansStreams.Silo.Connections;

/// <summary>The connected clients, for CLIENT LIST/INFO and INFO clients.</summary>
public sealed class ClientRegistry
{
    private readonly ConcurrentDictionary<long, ClientSession> _clients = new();
    private long _lastId;
    private long _totalConnections;

    public ClientSession Open(System.Net.EndPoint? remote, long nowMs)
    {
        var session = new ClientSession(Interlocked.Increment(ref _lastId), remote, nowMs);
        _clients[session.Id] = session;
        Interlocked.Increment(ref _totalConnections);
        return session;
    }

    public void Close(ClientSession session) => _clients.TryRemove(session.Id, out _);

    public int Count => _clients.Count;

    public long TotalConnections => Interlocked.Read(ref _totalConnections);

    public int BlockedCount => _clients.Values.Count(c => c.Blocked);

    public IEnumerable<ClientSession> All => _clients.Values.OrderBy(c => c.Id);
}
