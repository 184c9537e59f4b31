using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>Grains on the real grain runtime with SQLite storage: state written before a silo restart comes back after it.</summary>
public sealed class GrainHostIntegrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private ServiceProvider StartSilo()
    {
        var services = new ServiceCollection();
        services.AddGrainHost().AddGrain<INoteGrain, NoteGrain>("note");
        services.AddSqliteJournalStorage(_directory.Path, DurabilityMode.Always);
        return services.BuildServiceProvider();
    }

    private static async Task StopSiloAsync(ServiceProvider silo)
    {
        await silo.GetRequiredService<GrainRuntime>().DeactivateAllAsync().WaitAsync(TestTimeouts.Default);
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task JournaledGrains_RecoverTheirStateAfterASiloRestart()
    {
        var silo = StartSilo();
        var factory = silo.GetRequiredService<IGrainFactory>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var grain = factory.GetGrain<INoteGrain>($"notes-{i}");
            await grain.InvokeAsync(g => g.AddAsync($"{i}-a"));
            await grain.InvokeAsync(g => g.AddAsync($"{i}-b"));
            if (i % 2 == 0)
            {
                await grain.InvokeAsync(g => g.CompactAsync());
            }

            await grain.InvokeAsync(g => g.AddAsync($"{i}-c"));
        }));
        await StopSiloAsync(silo);

        silo = StartSilo();
        try
        {
            factory = silo.GetRequiredService<IGrainFactory>();
            for (var i = 0; i < 20; i++)
            {
                var notes = await factory.GetGrain<INoteGrain>($"notes-{i}").InvokeAsync(g => g.GetAsync());
                Assert.Equal([$"{i}-a", $"{i}-b", $"{i}-c"], notes);
            }
        }
        finally
        {
            await StopSiloAsync(silo);
        }
    }

    public void Dispose() => _directory.Dispose();
}
