using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>One real in-process silo and one client for a collection of tests.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private InProcessSilo? _silo;
    private StreamsClient? _client;

    public InProcessSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not started.");

    public StreamsClient Client => _client ?? throw new InvalidOperationException("The client is not connected.");

    public int Port => Silo.Port;

    public StreamsClientOptions Options => new() { Port = Port };

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync();
        _client = await StreamsClient.ConnectAsync(Options);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
    }
}
