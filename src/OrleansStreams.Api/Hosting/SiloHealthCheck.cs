using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Hosting;

/// <summary>Ready while the silo answers PING.</summary>
public sealed class SiloHealthCheck(StreamsClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is StreamsException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The silo at {client.Options.Host}:{client.Options.Port} does not answer: {exception.Message}");
        }
    }
}
