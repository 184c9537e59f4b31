using OrleansStreams.Silo.Hosting;

var app = SiloApplication.Create(args);
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
