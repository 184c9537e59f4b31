namespace OrleansStreams.Benchmarks.Processes;

/// <summary>Starts the built silo (<c>dotnet OrleansStreams.Silo.dll</c>) on a free loopback port.</summary>
public sealed class SiloLauncher(string siloDll)
{
    public const string ReadyMarker = "OrleansStreams silo ready";

    public string SiloDll { get; } = siloDll;

    /// <summary>Starts the process without waiting, for callers that time start-up themselves.</summary>
    public ServerProcess Start(string storage, string? durability, string dataDir, string name = "silo")
    {
        Directory.CreateDirectory(dataDir);
        var port = FreePort.Next();
        List<string> args =
        [
            SiloDll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--storage", storage, "--data-dir", dataDir,
        ];
        // In-memory storage has nothing to commit; the option only applies to durable stores.
        if (durability is not null) args.AddRange(["--durability", durability]);
        return ServerProcess.Start(name, "dotnet", args, port, ReadyMarker);
    }

    public async Task<ServerProcess> StartAsync(string storage, string? durability, string dataDir, string name = "silo")
    {
        var server = Start(storage, durability, dataDir, name);
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }
}
