using System.Net;
using System.Text.Json.Serialization;
using OrleansStreams.Api.Authentication;
using OrleansStreams.Api.Observability;
using OrleansStreams.Api.OpenApi;
using OrleansStreams.Api.Overview;
using OrleansStreams.Api.Problems;
using OrleansStreams.ServiceDefaults;

namespace OrleansStreams.Api.Hosting;

/// <summary>Builds the API process: options, the silo client, authentication, endpoints and the dashboard. Tests build it in-process.</summary>
public static class ApiApplication
{
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The dashboard files are copied next to the binaries, so the API serves them from any working directory.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddServiceDefaults();
        // One line per request is noise for a front end that serves polls and long-lived tails.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = ApiOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        // A request the endpoint cannot bind (bad JSON, a non-number count) throws, so the problem says what was wrong.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddApiAuthentication(options.Authentication);
        builder.Services.AddApiOpenApi(options.Authentication);
        builder.Services.AddSiloClient(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OverviewBuilder>();
        builder.Services.AddSingleton<ApiInstruments>();
        configureServices?.Invoke(builder.Services);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = options.Bind is "*" or "0.0.0.0" ? IPAddress.Any : IPAddress.Parse(options.Bind);
            kestrel.Listen(address, options.Port);
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        // Empty 4xx replies (401 from a refused request, 404 of an unknown path) get a problem body too.
        app.UseStatusCodePages();
        // The dashboard's files hold no data and must load before a key is entered; the data behind them is protected.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapOpenApi().RequireAuthorization(ApiAuthenticationServiceCollectionExtensions.PolicyName);
        app.MapApiEndpoints();
        return app;
    }
}
