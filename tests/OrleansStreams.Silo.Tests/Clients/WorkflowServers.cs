using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Clients;

/// <summary>A silo and a redis-server shared by the workflow scripts of one test class (each script uses its own keys).</summary>
public sealed class WorkflowServers : IAsyncLifetime
{
    public InProcessSilo Silo { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Silo = await InProcessSilo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
