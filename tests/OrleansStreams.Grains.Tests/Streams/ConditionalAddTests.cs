using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Tests.Infrastructure;
using OrleansStreams.Streams;
using static OrleansStreams.Grains.Tests.Streams.StreamTestData;

namespace OrleansStreams.Grains.Tests.Streams;

/// <summary>XADDIF / XADDMULTIIF in the stream grain: the version is entries-added, and a batch is all or nothing.</summary>
public sealed class ConditionalAddTests : IAsyncLifetime
{
    private readonly CountingJournalStorage _journals = new();
    private readonly GrainsHost _host;

    public ConditionalAddTests() => _host = new GrainsHost(_journals);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IGrainReference<IStreamGrain> Stream(string key) => _host.Grain<IStreamGrain>(key);

    private static StreamAppendEntry Entry(string id, params string[] items)
    {
        if (id == "*") return new StreamAppendEntry(StreamIdMode.Auto, StreamId.Zero, Fields(items));
        StreamIdParser.TryParseForAdd(System.Text.Encoding.ASCII.GetBytes(id), out var parsed, out var seqGiven);
        return new StreamAppendEntry(seqGiven ? StreamIdMode.Explicit : StreamIdMode.AutoSequence, parsed, Fields(items));
    }

    private ValueTask<StreamConditionalAddResult> AddIfAsync(string key, long version, StreamTrimOptions trim, bool noMakeStream, params StreamAppendEntry[] entries)
    {
        var request = new StreamConditionalAddRequest(version, entries, trim, noMakeStream, _host.Clock.NowMs);
        return Stream(key).InvokeAsync(g => g.AddIfAsync(request));
    }

    private ValueTask<StreamConditionalAddResult> AddIfAsync(string key, long version, params StreamAppendEntry[] entries)
        => AddIfAsync(key, version, StreamTrimOptions.None, false, entries);

    private async Task<List<string>> AllAsync(string key)
    {
        var now = _host.Clock.NowMs;
        return Describe((await Stream(key).InvokeAsync(g => g.RangeAsync(StreamId.Zero, StreamId.Max, 0, false, now))).Entries);
    }

    [Fact]
    public async Task MissingStream_IsAtVersionZero_AndEachAppendMovesTheVersion()
    {
        var early = await AddIfAsync("s", 1, Entry("1", "a", "1"));
        Assert.Equal((StreamAddStatus.VersionMismatch, 0L), (early.Status, early.Version));
        var first = await AddIfAsync("s", 0, Entry("1", "a", "1"));
        Assert.Equal((StreamAddStatus.Added, "1-0", 1L), (first.Status, first.Ids[0].ToString(), first.Version));

        var stale = await AddIfAsync("s", 0, Entry("2", "b", "2"));
        Assert.Equal((StreamAddStatus.VersionMismatch, 1L), (stale.Status, stale.Version));
        Assert.Empty(stale.Ids);
        Assert.Equal(["1-0 a 1"], await AllAsync("s"));
    }

    [Fact]
    public async Task Version_IsEntriesAdded_SoDeletesAndTrimsDoNotLowerIt()
    {
        await AddIfAsync("s", 0, Entry("1", "a", "1"), Entry("2", "b", "2"), Entry("3", "c", "3"));
        var now = _host.Clock.NowMs;
        await Stream("s").InvokeAsync(g => g.DeleteEntriesAsync([new StreamId(1, 0)], now));
        await Stream("s").InvokeAsync(g => g.TrimAsync(StreamTrimOptions.ByMaxLen(1, approximate: false, limit: 0), now));

        Assert.Equal(3, (await AddIfAsync("s", 2, Entry("4", "d", "4"))).Version);
        Assert.Equal(StreamAddStatus.Added, (await AddIfAsync("s", 3, Entry("4", "d", "4"))).Status);
        Assert.Equal(["3-0 c 3", "4-0 d 4"], await AllAsync("s"));
    }

    [Fact]
    public async Task Batch_WithOneEntryThatCannotBeAdded_AddsNothing()
    {
        await AddIfAsync("s", 0, Entry("5", "a", "1"));

        var refused = await AddIfAsync("s", 1, Entry("6", "b", "2"), Entry("6", "c", "3"));

        Assert.Equal(StreamAddStatus.IdNotGreater, refused.Status);
        Assert.Equal(["5-0 a 1"], await AllAsync("s"));
        Assert.Equal(StreamAddStatus.Added, (await AddIfAsync("s", 1, Entry("6", "b", "2"))).Status);
    }

    [Fact]
    public async Task Batch_IsOneJournalWrite_TrimsOnceAtTheEnd_AndReplays()
    {
        await AddIfAsync("s", 0, Entry("1", "x", "0"));
        var grain = new GrainId("stream", "s");
        var before = _journals.AppendsOf(grain);

        var added = await AddIfAsync("s", 1, StreamTrimOptions.ByMaxLen(3), false,
            Entry("2", "a", "1"), Entry("2-*", "b", "2"), Entry("*", "c", "3"), Entry("*", "d", "4"));

        var now = _host.Clock.NowMs;
        Assert.Equal(StreamAddStatus.Added, added.Status);
        Assert.Equal(["2-0", "2-1", $"{now}-0", $"{now}-1"], added.Ids.Select(id => id.ToString()));
        Assert.Equal(1, _journals.AppendsOf(grain) - before);
        Assert.Equal(5, added.Version);
        var expected = await AllAsync("s");
        Assert.Equal(["2-1 b 2", $"{now}-0 c 3", $"{now}-1 d 4"], expected);

        await _host.CollectAllAsync();

        Assert.Equal(expected, await AllAsync("s"));
    }

    [Fact]
    public async Task NoMakeStream_OnAMissingKey_CreatesNothing()
    {
        var result = await AddIfAsync("s", 0, StreamTrimOptions.None, true, Entry("1", "a", "1"));

        Assert.Equal(StreamAddStatus.NoStream, result.Status);
        Assert.False(_host.Keyspace.TryGet("s", _host.Clock.NowMs, out _));
    }
}
