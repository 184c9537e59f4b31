using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.ServiceDefaults;
using OrleansStreams.Silo.Connections;

namespace OrleansStreams.Silo.Hosting;

/// <summary>Builds the silo process: the generic host, the grains and the RESP listener. Tests build it in-process.</summary>
public static class SiloApplication
{
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddServiceDefaults("orleansstreams-silo");
        var options = SiloOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSilo(options);
        configureServices?.Invoke(builder.Services);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // A RESP command may carry bulks up to proto-max-bulk-len; the parser enforces that limit itself.
            kestrel.Limits.MaxRequestBufferSize = null;
            var address = options.Bind is "*" or "0.0.0.0" ? IPAddress.Any : IPAddress.Parse(options.Bind);
            kestrel.Listen(address, options.Port, listen => listen.UseConnectionHandler<RespConnectionHandler>());
            if (options.HttpPort > 0) kestrel.Listen(address, options.HttpPort);
        });
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
