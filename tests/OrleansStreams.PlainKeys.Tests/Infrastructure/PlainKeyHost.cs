using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Grains.Hashes;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Grains.Strings;
using OrleansStreams.Hashes;
using OrleansStreams.Strings;
using KeyDirectory = OrleansStreams.Grains.Keyspace.Keyspace;

namespace OrleansStreams.PlainKeys.Tests.Infrastructure;

/// <summary>
/// The grain host with the string and hash grains. Two hosts built over the same journal storage and keyspace
/// stand for one silo before and after its activations were deactivated.
/// </summary>
internal sealed class PlainKeyHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PlainKeyHost(ServiceProvider provider) => _provider = provider;

    public IGrainFactory Grains => _provider.GetRequiredService<IGrainFactory>();

    public ExpirySweeper Sweeper => _provider.GetRequiredService<ExpirySweeper>();

    public static PlainKeyHost Start(ManualTimeProvider time, KeyDirectory keyspace, IJournalStorage storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(keyspace);
        services.AddSingleton(storage);
        services.AddSingleton<KeyOwners>();
        services.AddGrainHost().AddStringGrains().AddHashGrains().AddExpiry();
        return new PlainKeyHost(services.BuildServiceProvider());
    }

    public IGrainReference<IStringGrain> String(string key) => Grains.GetGrain<IStringGrain>(key);

    public IGrainReference<IHashGrain> Hash(string key) => Grains.GetGrain<IHashGrain>(key);

    /// <summary>Deactivates every activation, as idle collection or shutdown would.</summary>
    public Task DeactivateAllAsync() => _provider.GetRequiredService<GrainRuntime>().DeactivateAllAsync();

    public async ValueTask DisposeAsync()
    {
        await DeactivateAllAsync();
        await _provider.DisposeAsync();
    }
}
