using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Tests.Infrastructure;
using OrleansStreams.Keys;
using OrleansStreams.Streams;
using OrleansStreams.Strings;
using static OrleansStreams.Grains.Tests.Streams.StreamTestData;

namespace OrleansStreams.Grains.Tests.Streams;

public sealed class StreamGrainTests : IAsyncLifetime
{
    private readonly GrainsHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IGrainReference<IStreamGrain> Stream(string key) => _host.Grain<IStreamGrain>(key);

    private long Now => _host.Clock.NowMs;

    private async Task<StreamAddResult> AddAsync(string key, string id, params string[] items)
    {
        StreamIdParser.TryParseForAdd(System.Text.Encoding.ASCII.GetBytes(id), out var parsed, out var seqGiven);
        var request = new StreamAddRequest(seqGiven ? StreamIdMode.Explicit : StreamIdMode.AutoSequence, parsed, Fields(items), StreamTrimOptions.None, false, Now);
        return await Stream(key).InvokeAsync(g => g.AddAsync(request));
    }

    private async Task<List<string>> AllAsync(string key)
    {
        var now = Now;
        var result = await Stream(key).InvokeAsync(g => g.RangeAsync(StreamId.Zero, StreamId.Max, 0, false, now));
        return Describe(result.Entries);
    }

    private async Task<StreamMetadata> MetadataAsync(string key)
    {
        var now = Now;
        var result = await Stream(key).InvokeAsync(g => g.GetMetadataAsync(now));
        Assert.Equal(StreamStatus.Ok, result.Status);
        return result.Metadata;
    }

    [Fact]
    public async Task Add_ThenDeactivate_ReplaysTheJournal()
    {
        await AddAsync("s1", "1-1", "a", "1", "b", "2");
        await AddAsync("s1", "2-1", "a", "3");
        await AddAsync("s1", "3-1", "c", "4");
        var now = Now;
        await Stream("s1").InvokeAsync(g => g.DeleteEntriesAsync([new StreamId(2, 1)], now));
        await Stream("s1").InvokeAsync(g => g.SetIdAsync(new StreamSetIdRequest(new StreamId(9, 9), 50, new StreamId(2, 5), now)));
        await Stream("s1").InvokeAsync(g => g.CreateGroupAsync("g1", false, now));
        var before = await MetadataAsync("s1");

        await _host.CollectAllAsync();

        Assert.Equal(["1-1 a 1 b 2", "3-1 c 4"], await AllAsync("s1"));
        var after = await MetadataAsync("s1");
        Assert.Equal(before, after);
        Assert.Equal(new StreamId(9, 9), after.LastId);
        Assert.Equal(50, after.EntriesAdded);
        Assert.Equal(new StreamId(2, 5), after.MaxDeletedId);
        Assert.Equal(1, after.GroupCount);
    }

    [Fact]
    public async Task CappedStream_SnapshotsItsJournal_AndRecoversFromIt()
    {
        var grainId = Stream("capped").GrainId;
        for (var i = 1; i <= 500; i++)
        {
            var request = new StreamAddRequest(StreamIdMode.Explicit, new StreamId((ulong)i, 0), Fields("n", i.ToString()), StreamTrimOptions.ByMaxLen(10), false, Now);
            Assert.Equal(StreamAddStatus.Added, (await Stream("capped").InvokeAsync(g => g.AddAsync(request))).Status);
        }
        var stored = await _host.JournalStorage.ReadAsync(grainId, "stream", CancellationToken.None);
        Assert.NotNull(stored.Snapshot);
        Assert.True(stored.Records.Count < 500, $"{stored.Records.Count} records after a snapshot");

        await _host.CollectAllAsync();

        var entries = await AllAsync("capped");
        Assert.Equal(10, entries.Count);
        Assert.Equal("491-0 n 491", entries[0]);
        var metadata = await MetadataAsync("capped");
        Assert.Equal(500, metadata.EntriesAdded);
        Assert.Equal(new StreamId(491, 0), metadata.FirstId);
    }

    [Fact]
    public async Task ApproximateTrim_IsReplayedAsWhatItRemoved()
    {
        for (var i = 1; i <= 1000; i++)
        {
            var request = new StreamAddRequest(StreamIdMode.Explicit, new StreamId((ulong)i, 0), Fields("x", "y"), StreamTrimOptions.ByMaxLen(555, approximate: true), false, Now);
            await Stream("approx").InvokeAsync(g => g.AddAsync(request));
        }
        var before = await MetadataAsync("approx");
        Assert.Equal(600, before.Length);

        await _host.CollectAllAsync();

        Assert.Equal(before, await MetadataAsync("approx"));
    }

    [Fact]
    public async Task RestartedHost_WithTheKeyRestored_RecoversTheStream()
    {
        await AddAsync("moved", "5-0", "k", "v");
        Assert.True(_host.Keyspace.TryGet("moved", Now, out var info));

        await using var restarted = new GrainsHost(_host.JournalStorage, _host.Clock);
        restarted.Keyspace.Restore(info);
        var now = Now;
        var result = await restarted.Grain<IStreamGrain>("moved").InvokeAsync(g => g.RangeAsync(StreamId.Zero, StreamId.Max, 0, false, now));
        Assert.Equal(["5-0 k v"], Describe(result.Entries));
    }

    [Fact]
    public async Task KeyOfAnotherType_AnswersWrongType_ForWritesAndReads()
    {
        Assert.True(_host.Keyspace.TryClaim("taken", KeyType.String, Now).Succeeded);
        Assert.Equal(StreamAddStatus.WrongType, (await AddAsync("taken", "1-0", "f", "v")).Status);
        var now = Now;
        Assert.Equal(StreamStatus.WrongType, (await Stream("taken").InvokeAsync(g => g.LengthAsync(now))).Status);
        Assert.Equal(StreamStatus.WrongType, (await Stream("taken").InvokeAsync(g => g.ReadAfterAsync(StreamId.Zero, 0, now))).Status);
        Assert.Equal(StreamGroupStatus.WrongType, (await Stream("taken").InvokeAsync(g => g.CreateGroupAsync("g", true, now))).Status);
        Assert.Equal(KeyType.String, _host.Keyspace.TypeOf("taken", now));
    }

    [Fact]
    public async Task NoMakeStream_OnAMissingKey_CreatesNothing()
    {
        var request = new StreamAddRequest(StreamIdMode.Auto, default, Fields("f", "v"), StreamTrimOptions.None, NoMakeStream: true, Now);
        Assert.Equal(StreamAddStatus.NoStream, (await Stream("nomk").InvokeAsync(g => g.AddAsync(request))).Status);
        Assert.Equal(KeyType.None, _host.Keyspace.TypeOf("nomk", Now));
    }

    [Fact]
    public async Task Add_ClaimsTheKey_AndDeleteReleasesIt()
    {
        await AddAsync("owned", "1-0", "f", "v");
        Assert.Equal(KeyType.Stream, _host.Keyspace.TypeOf("owned", Now));

        Assert.True(await Stream("owned").InvokeAsync(g => g.DeleteAsync()));
        Assert.False(await Stream("owned").InvokeAsync(g => g.DeleteAsync()));
        Assert.Equal(KeyType.None, _host.Keyspace.TypeOf("owned", Now));

        await AddAsync("owned", "0-1", "g", "w");
        await _host.CollectAllAsync();
        Assert.Equal(["0-1 g w"], await AllAsync("owned"));
    }

    [Fact]
    public async Task StateOfADeadGeneration_IsDiscarded()
    {
        await AddAsync("recreated", "1-0", "f", "v");
        Assert.True(_host.Keyspace.TryGet("recreated", Now, out var info));
        // Someone else deleted the key and re-created it as a hash.
        _host.Keyspace.Release("recreated", info.Generation);
        Assert.True(_host.Keyspace.TryClaim("recreated", KeyType.Hash, Now).Succeeded);

        var now = Now;
        Assert.Equal(StreamStatus.WrongType, (await Stream("recreated").InvokeAsync(g => g.LengthAsync(now))).Status);
        await _host.CollectAllAsync();
        var stored = await _host.JournalStorage.ReadAsync(Stream("recreated").GrainId, "stream", CancellationToken.None);
        Assert.Empty(stored.Records);
    }

    [Fact]
    public async Task ExpiredStream_ReadsAsMissing_AndReleasesItsKey()
    {
        await AddAsync("expiring", "1-0", "f", "v");
        var when = Now + 1000;
        var now = Now;
        Assert.Equal(ExpireOutcome.Applied, await Stream("expiring").InvokeAsync(g => g.ExpireAsync(new ExpireRequest(when, ExpireConditions.None, now))));
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        var later = Now;
        Assert.Equal(StreamStatus.NoKey, (await Stream("expiring").InvokeAsync(g => g.LengthAsync(later))).Status);
        Assert.False(_host.Keyspace.TryGetIncludingExpired("expiring", out _));
    }

    [Fact]
    public async Task Sweeper_EvictsAnExpiredStream_AndWakesItsBlockedReaders()
    {
        await AddAsync("swept", "1-0", "f", "v");
        await AddAsync("kept", "1-0", "f", "v");
        var when = Now + 1000;
        var now = Now;
        Assert.Equal(ExpireOutcome.Applied, await Stream("swept").InvokeAsync(g => g.ExpireAsync(new ExpireRequest(when, ExpireConditions.None, now))));
        using var waiter = _host.Notifications.Register(["swept"]);
        var sweeper = _host.Services.GetRequiredService<OrleansStreams.Grains.Expiry.ExpirySweeper>();

        Assert.Equal(0, await sweeper.SweepAsync());
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await sweeper.SweepAsync());

        await waiter.Signaled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(_host.Keyspace.TryGetIncludingExpired("swept", out _));
        Assert.True(_host.Keyspace.TryGetIncludingExpired("kept", out _));
        Assert.Equal(["1-0 f v"], await AllAsync("kept"));
    }

    [Fact]
    public async Task Add_SignalsBlockedReaders()
    {
        using var waiter = _host.Notifications.Register(["signalled"]);
        Assert.False(waiter.Signaled.IsCompleted);
        await AddAsync("signalled", "1-0", "f", "v");
        await waiter.Signaled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAfter_ReturnsOnlyNewerLiveEntries_UpToCount()
    {
        for (var i = 1; i <= 5; i++) await AddAsync("reader", $"{i}-0", "n", i.ToString());
        var now = Now;
        var result = await Stream("reader").InvokeAsync(g => g.ReadAfterAsync(new StreamId(2, 0), 2, now));
        Assert.Equal(["3-0 n 3", "4-0 n 4"], Describe(result.Entries));
        Assert.Equal(5, result.Metadata.EntriesAdded);
        var none = await Stream("reader").InvokeAsync(g => g.ReadAfterAsync(new StreamId(5, 0), 0, now));
        Assert.Equal(0, none.Entries.Count);
    }

    [Fact]
    public async Task ReadLastEntry_ReturnsTheLastEntry_OnlyWhileItIsLive()
    {
        await AddAsync("last", "1-0", "a", "1");
        await AddAsync("last", "2-0", "b", "2");
        var now = Now;
        Assert.Equal(["2-0 b 2"], Describe((await Stream("last").InvokeAsync(g => g.ReadLastEntryAsync(now))).Entries));
        await Stream("last").InvokeAsync(g => g.DeleteEntriesAsync([new StreamId(2, 0)], now));
        Assert.Equal(0, (await Stream("last").InvokeAsync(g => g.ReadLastEntryAsync(now))).Entries.Count);
    }

    [Fact]
    public async Task GetEntries_MarksIdsThatAreGone()
    {
        await AddAsync("byid", "1-0", "a", "1");
        await AddAsync("byid", "2-0", "b", "2");
        var now = Now;
        var result = await Stream("byid").InvokeAsync(g => g.GetEntriesAsync([new StreamId(2, 0), new StreamId(1, 5), new StreamId(1, 0), new StreamId(2, 0)], now));
        Assert.Equal(["2-0 b 2", "1-5 (missing)", "1-0 a 1", "2-0 b 2"], Describe(result.Entries));
    }

    [Fact]
    public async Task Groups_AreRegisteredWithStamps_AndMakeStreamCreatesAnEmptyStream()
    {
        var now = Now;
        Assert.Equal(StreamGroupStatus.NoKey, (await Stream("groups").InvokeAsync(g => g.CreateGroupAsync("g1", false, now))).Status);
        var first = await Stream("groups").InvokeAsync(g => g.CreateGroupAsync("g1", true, now));
        Assert.Equal(StreamGroupStatus.Ok, first.Status);
        Assert.Equal(KeyType.Stream, _host.Keyspace.TypeOf("groups", now));
        Assert.Equal(StreamGroupStatus.AlreadyExists, (await Stream("groups").InvokeAsync(g => g.CreateGroupAsync("g1", true, now))).Status);
        Assert.Equal(StreamGroupStatus.Ok, (await Stream("groups").InvokeAsync(g => g.DestroyGroupAsync("g1", now))).Status);
        Assert.Equal(StreamGroupStatus.NotFound, (await Stream("groups").InvokeAsync(g => g.DestroyGroupAsync("g1", now))).Status);
        var again = await Stream("groups").InvokeAsync(g => g.CreateGroupAsync("g1", false, now));
        Assert.NotEqual(first.GroupStamp, again.GroupStamp);
        await Stream("groups").InvokeAsync(g => g.CreateGroupAsync("a\u00ff", false, now));
        await Stream("groups").InvokeAsync(g => g.CreateGroupAsync("B", false, now));

        await _host.CollectAllAsync();

        var info = await Stream("groups").InvokeAsync(g => g.GetInfoAsync(-1, now));
        Assert.Equal(["B", "a\u00ff", "g1"], info.Groups.Select(g => g.Name));
        Assert.Equal(again.GroupStamp, (await Stream("groups").InvokeAsync(g => g.GetGroupAsync("g1", now))).GroupStamp);
        Assert.Equal(0, info.Metadata.Length);
    }

    [Fact]
    public async Task Info_DescribesTheStream()
    {
        for (var i = 1; i <= 3; i++) await AddAsync("info", $"{i}-0", "n", i.ToString());
        var now = Now;
        var info = await Stream("info").InvokeAsync(g => g.GetInfoAsync(2, now));
        Assert.Equal(["1-0 n 1"], Describe(info.FirstEntry));
        Assert.Equal(["3-0 n 3"], Describe(info.LastEntry));
        Assert.Equal(["1-0 n 1", "2-0 n 2"], Describe(info.Entries));
        Assert.Equal(1, info.Metadata.NodeCount);
        Assert.Equal(2, info.RadixTreeNodes);
    }
}
