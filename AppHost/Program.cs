using OrleansStreams.AppHost.Hosting;

// Starts the whole system locally (silo, then the API when its project exists) and stops it on Ctrl+C or SIGTERM.
AppHostOptions options;
try
{
    options = AppHostOptions.Parse(args);
}
catch (AppHostUsageException exception)
{
    if (!exception.IsHelp) await Console.Error.WriteLineAsync($"AppHost: {exception.Message}");
    await Console.Error.WriteLineAsync(AppHostOptions.Usage);
    return exception.IsHelp ? 0 : 2;
}

return await new AppHostRunner(options, RepositoryLayout.Find()).RunAsync();
