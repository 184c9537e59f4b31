using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains;
using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>The group grain over the real stream grain, wired the way the silo will wire it.</summary>
public sealed class StreamGrainIntegrationTests : IAsyncDisposable
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ServiceProvider _services;
    private readonly GrainRuntime _runtime;
    private readonly IGrainFactory _grains;

    public StreamGrainIntegrationTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddOrleansStreamsGrains(options => options.CollectionAge = TimeSpan.FromMinutes(1));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _runtime = _services.GetRequiredService<GrainRuntime>();
        _grains = _services.GetRequiredService<IGrainFactory>();
    }

    [Fact]
    public async Task Group_ReadsClaimsAndRecoversThroughTheStreamGrain()
    {
        await AddAsync("s", "1-0", "2-0", "3-0");
        var group = Group("s", "g");
        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("0", now: 1));
        Assert.Equal(["1-0 f v", "2-0 f v"], await group.ReadEntriesAsync("alice", now: 10, count: 2));
        var deleted = await Stream("s").InvokeAsync(g => g.DeleteEntriesAsync([Ids.Parse("2-0")], 20));
        Assert.Equal(1, deleted.Value);

        Assert.Equal(["1-0 f v", "2-0 nil"], await group.ReadEntriesAsync("alice", "0", now: 30));
        var claim = await group.AutoClaimAsync("bob", 0, "-", now: 40);
        Assert.Equal(["1-0 f v"], Ids.Show(claim.Entries));
        Assert.Equal(["2-0"], Ids.Show(claim.DeletedIds));
        Assert.Equal(["g"], (await Stream("s").InvokeAsync(g => g.GetInfoAsync(0, 50))).Groups.Select(x => x.Name));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _runtime.CollectIdleActivationsAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, _runtime.ActivationCount);

        Assert.Equal(["1-0 bob 20 3"], await group.PendingLinesAsync(60));
        Assert.Equal(["3-0 f v"], await group.ReadEntriesAsync("alice", now: 70));
        var summary = await group.SummaryAsync(now: 80);
        Assert.Equal(3, summary.EntriesRead);
        Assert.Equal(0, summary.Lag);
    }

    [Fact]
    public async Task Group_OfADeletedStream_IsGoneEvenWhenTheKeyIsMadeAgain()
    {
        await AddAsync("s", "1-0");
        var group = Group("s", "g");
        await group.CreateAsync("0", now: 1);
        await group.ReadAsync("alice", now: 2);

        Assert.True(await Stream("s").InvokeAsync(g => g.DeleteAsync()));
        Assert.Equal(ConsumerGroupStatus.NoKey, await group.ExistsAsync(now: 3));
        await AddAsync("s", "2-0");

        Assert.Equal(ConsumerGroupStatus.NoGroup, (await group.ReadAsync("alice", now: 4)).Status);
        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("0", now: 5));
        Assert.Equal(0, (await group.PendingAsync(now: 6)).Count);
    }

    [Fact]
    public async Task Create_WithMakeStream_CreatesTheStreamAndDestroyUnregisters()
    {
        var group = Group("fresh", "g");
        Assert.Equal(ConsumerGroupStatus.NoKey, await group.CreateAsync("$", now: 1));
        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("$", now: 1, makeStream: true));
        Assert.Equal(1, (await Stream("fresh").InvokeAsync(g => g.GetMetadataAsync(2))).Metadata.GroupCount);

        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 1), await group.DestroyAsync(now: 3));

        Assert.Equal(0, (await Stream("fresh").InvokeAsync(g => g.GetMetadataAsync(4))).Metadata.GroupCount);
    }

    public async ValueTask DisposeAsync()
    {
        await _runtime.DeactivateAllAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _services.DisposeAsync();
    }

    private GroupClient Group(string stream, string group) => new(_grains.GetGrain<IConsumerGroupGrain>(ConsumerGroupKey.Create(stream, group)));

    private IGrainReference<IStreamGrain> Stream(string key) => _grains.GetGrain<IStreamGrain>(key);

    private async Task AddAsync(string key, params string[] ids)
    {
        foreach (var id in ids)
        {
            var fields = new StreamFields(1);
            fields.Add(Encoding.ASCII.GetBytes("f"));
            fields.Add(Encoding.ASCII.GetBytes("v"));
            var request = new StreamAddRequest(StreamIdMode.Explicit, Ids.Parse(id), fields, StreamTrimOptions.None, NoMakeStream: false, NowMs: 0);
            var result = await Stream(key).InvokeAsync(g => g.AddAsync(request));
            Assert.Equal(StreamAddStatus.Added, result.Status);
        }
    }
}
