using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Hosting;

[Collection(SiloCollection.Name)]
public sealed class ServiceRegistrationTests(SiloFixture fixture)
{
    [Fact]
    public async Task AddStreamsClient_RegistersOneSharedClient_ThatTheContainerDisposes()
    {
        var provider = new ServiceCollection().AddStreamsClient(fixture.Options).BuildServiceProvider();
        var client = provider.GetRequiredService<StreamsClient>();
        Assert.Same(client, provider.GetRequiredService<StreamsClient>());
        await client.PingAsync();

        // Synchronous disposal works too (the client is IDisposable as well as IAsyncDisposable).
        provider.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PingAsync());
    }
}
