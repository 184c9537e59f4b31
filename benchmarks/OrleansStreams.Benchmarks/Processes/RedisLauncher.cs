namespace OrleansStreams.Benchmarks.Processes;

/// <summary>Starts Debian's redis-server on a free loopback port, never saving RDB snapshots.</summary>
public static class RedisLauncher
{
    public const string Executable = "redis-server";
    public const string ReadyMarker = "Ready to accept connections";

    /// <summary>Starts the process without waiting, for callers that time start-up themselves.</summary>
    public static ServerProcess Start(RedisPersistence persistence, string dataDir, string name = "redis")
    {
        Directory.CreateDirectory(dataDir);
        var port = FreePort.Next();
        List<string> args =
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "no",
            "--daemonize", "no", "--save", "", "--dir", dataDir, "--logfile", "",
        ];
        args.AddRange(persistence switch
        {
            RedisPersistence.AofAlways => ["--appendonly", "yes", "--appendfsync", "always"],
            RedisPersistence.AofEverysec => ["--appendonly", "yes", "--appendfsync", "everysec"],
            _ => ["--appendonly", "no"],
        });
        return ServerProcess.Start(name, Executable, args, port, ReadyMarker);
    }

    public static async Task<ServerProcess> StartAsync(RedisPersistence persistence, string dataDir, string name = "redis")
    {
        var server = Start(persistence, dataDir, name);
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
