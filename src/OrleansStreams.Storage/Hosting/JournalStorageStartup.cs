using Microsoft.Extensions.Hosting;

namespace OrleansStreams.Storage;

/// <summary>
/// Opens the journal store when the host starts, so an unreachable database or a damaged file stops start-up
/// with the store's own message. Flushing at shutdown is the store's DisposeAsync (run by the container).
/// </summary>
internal sealed class JournalStorageStartup(Func<CancellationToken, Task> initialize) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialize(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
