using OrleansStreams.Benchmarks.Processes;
using OrleansStreams.Benchmarks.Reporting;
using OrleansStreams.Benchmarks.Workloads;

namespace OrleansStreams.Benchmarks.Phases;

/// <summary>A silo and a redis-server started side by side for one phase, each in its own data folder.</summary>
public sealed class ServerPair : IAsyncDisposable
{
    private ServerPair(BenchTarget silo, BenchTarget redis)
    {
        Silo = silo;
        Redis = redis;
    }

    public BenchTarget Silo { get; }

    public BenchTarget Redis { get; }

    public static async Task<ServerPair> StartAsync(
        SiloLauncher launcher, string storage, string? durability, RedisPersistence persistence, string workDir, string label)
    {
        var redis = await RedisLauncher.StartAsync(persistence, Path.Combine(workDir, $"redis-{label}"));
        try
        {
            var silo = await launcher.StartAsync(storage, durability, Path.Combine(workDir, $"silo-{label}"));
            Progress.Write($"started silo (--storage {storage}{(durability is null ? "" : $" --durability {durability}")}) on port {silo.Port}, redis-server ({Describe(persistence)}) on port {redis.Port}");
            return new ServerPair(new BenchTarget(Targets.Silo, silo), new BenchTarget(Targets.Redis, redis));
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    public static string Describe(RedisPersistence persistence) => persistence switch
    {
        RedisPersistence.AofAlways => "appendonly yes, appendfsync always",
        RedisPersistence.AofEverysec => "appendonly yes, appendfsync everysec",
        _ => "no persistence",
    };

    public async ValueTask DisposeAsync()
    {
        await Silo.Server.DisposeAsync();
        await Redis.Server.DisposeAsync();
    }
}
