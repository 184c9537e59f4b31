using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansStreams.GrainHost;
using OrleansStreams.Silo.Hosting;

namespace OrleansStreams.Silo.Storage;

/// <summary>
/// Readiness: the journal store answers a read. The probe reads a journal no grain owns (a real round trip to
/// SQLite or PostgreSQL, nothing written), so /health turns unhealthy while the database is unreachable.
/// </summary>
internal sealed class StorageHealthCheck(IJournalStorage storage, SiloOptions options) : IHealthCheck
{
    private static readonly GrainId Probe = new("health", "probe");
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = options.Storage.ToString().ToLowerInvariant();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            await storage.ReadAsync(Probe, "probe", budget.Token).WaitAsync(budget.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"ready: storage reachable ({store})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"not ready: storage ({store}) did not answer within {Budget.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"not ready: storage ({store}) unreachable: {exception.Message}", exception);
        }
    }
}
