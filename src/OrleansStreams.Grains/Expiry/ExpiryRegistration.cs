using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Grains.Expiry;

public static class ExpiryRegistration
{
    /// <summary>Active expiry of keys of every type (the <see cref="ExpirySweeper"/> hosted service).</summary>
    public static GrainHostBuilder AddExpiry(this GrainHostBuilder builder, Action<ExpirySweeperOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<ExpirySweeperOptions>();
        if (configure is not null) options.Configure(configure);
        builder.Services.AddSingleton<ExpirySweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ExpirySweeper>());
        return builder;
    }
}
