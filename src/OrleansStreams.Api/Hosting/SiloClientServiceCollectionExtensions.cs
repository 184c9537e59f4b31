using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Hosting;

public static class SiloClientServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="StreamsClient"/> for the process (it pools and pipelines), and a readiness check that the silo
    /// answers PING, so /health says whether the API can serve while /alive only says it runs.
    /// </summary>
    public static IServiceCollection AddSiloClient(this IServiceCollection services, ApiOptions options)
    {
        services.AddSingleton(_ => new StreamsClient(new StreamsClientOptions
        {
            Host = options.SiloHost,
            Port = options.SiloPort,
            Password = options.SiloPassword,
            ClientName = "orleansstreams-api",
            CommandTimeout = options.SiloTimeout,
            ConnectTimeout = options.SiloTimeout,
        }));
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        return services;
    }
}
