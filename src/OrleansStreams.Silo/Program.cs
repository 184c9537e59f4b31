using OrleansStreams.Silo.Hosting;

WebApplication app;
try
{
    app = SiloApplication.Create(args);
}
catch (SiloOptionsException exception)
{
    await Console.Error.WriteLineAsync($"OrleansStreams silo: {exception.Message}");
    return 2;
}
var options = app.Services.GetRequiredService<SiloOptions>();
try
{
    await app.StartAsync();
}
catch (Exception exception)
{
    await Console.Error.WriteLineAsync($"OrleansStreams silo failed to start: {exception.Message}");
    return 1;
}
Console.WriteLine($"OrleansStreams silo ready: RESP on {options.Bind}:{options.Port}");
await app.WaitForShutdownAsync();
return 0;
