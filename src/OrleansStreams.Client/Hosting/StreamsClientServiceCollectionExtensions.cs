using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.Client;

public static class StreamsClientServiceCollectionExtensions
{
    /// <summary>Registers one shared <see cref="StreamsClient"/> (it connects on first use).</summary>
    public static IServiceCollection AddStreamsClient(this IServiceCollection services, StreamsClientOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton(provider => new StreamsClient(provider.GetRequiredService<StreamsClientOptions>()));
        return services;
    }

    /// <summary>
    /// Adds a <see cref="StreamConsumerService"/> that runs <paramref name="handler"/> for each entry of the group.
    /// Call it once per consumer; it needs <see cref="AddStreamsClient"/>.
    /// </summary>
    public static IServiceCollection AddStreamConsumer(this IServiceCollection services, StreamConsumerOptions options, Func<IServiceProvider, StreamMessage, CancellationToken, Task> handler)
    {
        // Not AddHostedService: it would keep only the first of several consumers registered by factory.
        services.AddSingleton<IHostedService>(provider => new StreamConsumerService(
            provider.GetRequiredService<StreamsClient>(),
            options,
            (message, cancellationToken) => handler(provider, message, cancellationToken),
            provider.GetService<ILogger<StreamConsumerService>>()));
        return services;
    }
}
