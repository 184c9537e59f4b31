using OrleansStreams.Api.Hosting;

WebApplication app;
try
{
    app = ApiApplication.Create(args);
}
catch (ApiOptionsException exception)
{
    await Console.Error.WriteLineAsync($"OrleansStreams API: {exception.Message}");
    return 2;
}
try
{
    await app.StartAsync();
}
catch (Exception exception)
{
    await Console.Error.WriteLineAsync($"OrleansStreams API failed to start: {exception.Message}");
    return 1;
}
var options = app.Services.GetRequiredService<ApiOptions>();
Console.WriteLine($"OrleansStreams API ready: {string.Join(", ", app.Urls)} (dashboard at /), silo {options.SiloHost}:{options.SiloPort}");
await app.WaitForShutdownAsync();
return 0;
