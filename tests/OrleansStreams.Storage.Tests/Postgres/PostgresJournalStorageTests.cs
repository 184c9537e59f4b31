using System.Net;
using System.Text;
using Npgsql;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>PostgreSQL-only behaviour: the server going away and coming back, and connections dying under the store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalStorageTests(PostgresServer server) : IAsyncLifetime
{
    private const string State = "state";
    private readonly string _schema = PostgresServer.NewSchema();

    private static IReadOnlyList<ReadOnlyMemory<byte>> Records(params string[] texts) => [.. texts.Select(t => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(t))];

    private PostgresJournalStorage CreateStorage(string connectionString)
        => new(new PostgresJournalStorageOptions { ConnectionString = connectionString, Schema = _schema });

    [Fact]
    public async Task WhileTheServerIsAway_WritesAndReadsFailClearly_AndTheStoreRecoversWhenItIsBack()
    {
        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, target.Port));
        var viaProxy = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        await using var storage = CreateStorage(viaProxy);
        var id = new GrainId("away", "k");
        var version = await storage.AppendAsync(id, State, Records("before"), 0, default);

        proxy.GoDown();
        var write = await Assert.ThrowsAsync<JournalStorageException>(() => storage.AppendAsync(id, State, Records("during"), version, default));
        var read = await Assert.ThrowsAsync<JournalStorageException>(() => storage.ReadAsync(id, State, default));
        proxy.ComeBack();
        var after = await storage.AppendAsync(id, State, Records("after"), version, default);
        var journal = await storage.ReadAsync(id, State, default);

        Assert.Equal(JournalStorageFailure.Unavailable, write.Failure);
        Assert.Equal(JournalStorageFailure.Unavailable, read.Failure);
        Assert.Contains("PostgreSQL", write.Message);
        Assert.Equal(2, after);
        Assert.Equal(["before", "after"], journal.Records.Select(r => Encoding.UTF8.GetString(r.Span)));
    }

    [Fact]
    public async Task AfterItsConnectionsAreTerminated_TheStoreReconnectsWithoutFailingACall()
    {
        var applicationName = "journal-test-" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = applicationName }.ConnectionString;
        await using var storage = CreateStorage(connectionString);
        var id = new GrainId("terminated", "k");
        var version = await storage.AppendAsync(id, State, Records("before"), 0, default);
        await storage.ReadAsync(id, State, default);

        var terminated = await server.ScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{applicationName}') t");
        var after = await storage.AppendAsync(id, State, Records("after"), version, default);
        var journal = await storage.ReadAsync(id, State, default);

        Assert.True(terminated >= 2, $"terminated {terminated} connections");
        Assert.Equal(2, after);
        Assert.Equal(2, journal.Records.Count);
    }

    [Fact]
    public async Task InitializeAsync_WithNoServerListening_FailsAsUnavailable()
    {
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, 9));
        proxy.GoDown();
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        await using var storage = CreateStorage(connectionString);

        var failure = await Assert.ThrowsAsync<JournalStorageException>(() => storage.InitializeAsync());

        Assert.Equal(JournalStorageFailure.Unavailable, failure.Failure);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.DropSchemaAsync(_schema);
}
