using System.Collections.Concurrent;
using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.EventSourcing;

[Collection(SiloCollection.Name)]
public sealed class EventStoreTests(SiloFixture fixture)
{
    private StreamsClient Client => fixture.Client;

    private EventStore Store(int pageSize = 2) => new(Client, new EventStoreOptions { PageSize = pageSize, ProjectionBlock = TimeSpan.FromSeconds(1) });

    private Task<string> AppendPlainAsync(string stream, string type, string data) => Client.XAddAsync(stream, ("type", type), ("data", data));

    [Fact]
    public async Task Load_FoldsEveryEventAcrossPages_AndReportsTheStreamsVersion()
    {
        var stream = TestKeys.New("account");
        foreach (var amount in new[] { "10", "20", "5", "7", "1" }) await AppendPlainAsync(stream, "deposited", amount);
        var removed = (await Client.XRangeAsync(stream, count: 1))[0].Id;
        await Client.XDelAsync(stream, [removed]);

        var loaded = await Store().LoadAsync(stream, 0, (balance, e) => balance + int.Parse(e.Data.ToString()));

        Assert.Equal(20 + 5 + 7 + 1, loaded.State);
        Assert.Equal(4, loaded.EventCount);
        // The version counts entries ever added (XINFO STREAM entries-added): a deletion does not lower it.
        Assert.Equal(5, loaded.Version);
        Assert.Equal((await Client.XInfoStreamAsync(stream)).LastGeneratedId, loaded.LastId);
    }

    [Fact]
    public async Task Load_OfAStreamThatDoesNotExist_IsTheInitialStateAtVersionZero()
    {
        var loaded = await Store().LoadAsync(TestKeys.New("nothing"), "initial", (state, _) => state + "!");
        Assert.Equal("initial", loaded.State);
        Assert.Equal(0, loaded.Version);
        Assert.Equal(0, loaded.EventCount);
    }

    [Fact]
    public async Task Read_ReturnsTypeDataAndMetadata_OfEachEvent()
    {
        var stream = TestKeys.New("typed");
        var id = await Client.XAddAsync(stream, ("type", "renamed"), ("data", "{\"name\":\"x\"}"), ("user", "ann"));
        var recorded = new List<RecordedEvent>();
        await foreach (var e in Store().ReadAsync(stream)) recorded.Add(e);
        var only = Assert.Single(recorded);
        Assert.Equal(id, only.Id);
        Assert.Equal("renamed", only.Type);
        Assert.Equal("{\"name\":\"x\"}", only.Data.ToString());
        Assert.Equal([new StreamField("user", "ann")], only.Metadata);
    }

    [Fact]
    public async Task Projection_KeepsItsCheckpoint_AndResumesAfterTheLastHandledEvent()
    {
        var stream = TestKeys.New("orders");
        var checkpoint = TestKeys.New("orders-projection");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await AppendPlainAsync(stream, "placed", i.ToString()));
        var projected = new List<string>();
        Task Project(RecordedEvent e, CancellationToken _)
        {
            projected.Add(e.Id);
            return Task.CompletedTask;
        }

        Assert.Equal(3, await Store().CatchUpAsync(stream, checkpoint, Project));
        Assert.Equal(ids[^1], (await Client.GetAsync(checkpoint))?.ToString());

        for (var i = 3; i < 5; i++) ids.Add(await AppendPlainAsync(stream, "placed", i.ToString()));
        // A new store stands for a restarted process: it only has the checkpoint in the key.
        Assert.Equal(2, await Store().CatchUpAsync(stream, checkpoint, Project));
        Assert.Equal(ids, projected);
        Assert.Equal(0, await Store().CatchUpAsync(stream, checkpoint, Project));
    }

    [Fact]
    public async Task Projection_ThatFails_ResumesFromTheEventItFailedOn()
    {
        var stream = TestKeys.New("fragile");
        var checkpoint = TestKeys.New("fragile-projection");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await AppendPlainAsync(stream, "e", i.ToString()));
        var failOn = ids[1];
        var projected = new List<string>();
        Task Project(RecordedEvent e, CancellationToken _)
        {
            if (e.Id == failOn) throw new InvalidOperationException("projection bug");
            projected.Add(e.Id);
            return Task.CompletedTask;
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store().CatchUpAsync(stream, checkpoint, Project));
        Assert.Equal(ids[0], await Store().ReadCheckpointAsync(checkpoint));
        failOn = "";
        Assert.Equal(2, await Store().CatchUpAsync(stream, checkpoint, Project));
        Assert.Equal(ids, projected);
    }

    [Fact]
    public async Task LiveProjection_FollowsEventsAppendedAfterItCaughtUp()
    {
        var stream = TestKeys.New("live");
        var checkpoint = TestKeys.New("live-projection");
        var old = await AppendPlainAsync(stream, "e", "old");
        var seen = new ConcurrentQueue<string>();
        var gotNew = new TaskCompletionSource();
        string? fresh = null;
        using var stop = new CancellationTokenSource();
        var running = Store().RunProjectionAsync(stream, checkpoint, (e, _) =>
        {
            seen.Enqueue(e.Id);
            if (e.Data.ToString() == "new") gotNew.TrySetResult();
            return Task.CompletedTask;
        }, stop.Token);

        fresh = await AppendPlainAsync(stream, "e", "new");
        await gotNew.Task.WaitAsync(Eventually.Limit);
        await Eventually.WaitUntilAsync(async () => await Store().ReadCheckpointAsync(checkpoint) == fresh, "the checkpoint to reach the new event");
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal([old, fresh], seen);
    }

    [SkippableFact]
    public async Task Append_WithTheExpectedVersion_Succeeds_AndWithAStaleOne_ConflictsAndAppendsNothing()
    {
        await ServerExtensions.RequireCommandAsync(Client, "XADDIF", TestKeys.New("probe"), "VERSION", "1", "*", "f", "v");
        var stream = TestKeys.New("cart");
        var store = Store();

        var created = await store.AppendAsync(stream, 0, new EventData("created", "{}"));
        Assert.True(created.Succeeded);
        var loaded = await store.LoadAsync(stream, 0, (count, _) => count + 1);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(created.Ids, [loaded.LastId]);

        var stale = await store.AppendAsync(stream, 0, new EventData("item-added", "{\"sku\":1}"));
        Assert.False(stale.Succeeded);
        Assert.StartsWith("VERSIONMISMATCH", stale.Error);
        Assert.Equal(1, stale.CurrentVersion);
        Assert.Equal(1, await Client.XLenAsync(stream));

        var next = await store.AppendAsync(stream, loaded.Version, new EventData("item-added", "{\"sku\":1}"));
        Assert.True(next.Succeeded);
        Assert.Equal(2, await Client.XLenAsync(stream));
    }

    [SkippableFact]
    public async Task ConcurrentAppends_WithTheSameExpectedVersion_ExactlyOneSucceeds()
    {
        await ServerExtensions.RequireCommandAsync(Client, "XADDIF", TestKeys.New("probe"), "VERSION", "1", "*", "f", "v");
        var stream = TestKeys.New("race");
        var store = Store();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.AppendAsync(stream, 0, new EventData("claimed", i.ToString()))));
        var winner = Assert.Single(results, result => result.Succeeded);
        Assert.All(results.Where(result => !result.Succeeded), result => Assert.Equal(1, result.CurrentVersion));
        var entry = Assert.Single(await Client.XRangeAsync(stream));
        Assert.Equal(winner.Ids, [entry.Id]);
    }

    [SkippableFact]
    public async Task AppendingSeveralEvents_IsAllOrNothing()
    {
        await ServerExtensions.RequireCommandAsync(Client, "XADDMULTIIF", TestKeys.New("probe"), "VERSION", "1", "ENTRIES", "1", "*", "1", "f", "v");
        var stream = TestKeys.New("batch");
        var store = Store();
        EventData[] batch = [new("a", "1"), new("b", "2"), new("c", "3")];

        var appended = await store.AppendAsync(stream, 0, batch);
        Assert.True(appended.Succeeded, appended.Error);
        Assert.Equal(3, appended.Ids.Count);
        Assert.Equal(appended.Ids, (await Client.XRangeAsync(stream)).Select(entry => entry.Id));

        var conflict = await store.AppendAsync(stream, 1, batch);
        Assert.False(conflict.Succeeded);
        Assert.Equal(3, conflict.CurrentVersion);
        Assert.Equal(3, await Client.XLenAsync(stream));
    }

    [SkippableFact]
    public async Task ConditionalAppend_WithNoMkStream_OnAMissingStream_AppendsNothing_AndIsNotASuccess()
    {
        await ServerExtensions.RequireCommandAsync(Client, "XADDIF", TestKeys.New("probe"), "VERSION", "1", "*", "f", "v");
        var stream = TestKeys.New("absent");
        var single = await Client.XAddIfAsync(stream, 0, [("f", "v")], noMkStream: true);
        var many = await Client.XAddMultiIfAsync(stream, 0, [[("a", "1")], [("b", "2")]], noMkStream: true);
        Assert.Equal(ConditionalAppendResult.NoStream, single);
        Assert.Equal(ConditionalAppendResult.NoStream, many);
        Assert.Equal(0, await Client.ExistsAsync(stream));
    }
}
