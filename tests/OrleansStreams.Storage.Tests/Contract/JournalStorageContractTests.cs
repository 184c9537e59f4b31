using System.Text;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>
/// What every <see cref="IJournalStorage"/> must do, run against each store. Each test works on grains of a
/// grain type of its own, so stores may be shared between tests.
/// </summary>
public abstract class JournalStorageContractTests : IAsyncLifetime
{
    protected const string State = "state";

    protected JournalStorageContractTests()
    {
        GrainType = "contract-" + Guid.NewGuid().ToString("N")[..12];
    }

    protected string GrainType { get; }

    protected IJournalStorage Storage { get; set; } = null!;

    /// <summary>Another writer on the same data: a second instance on the same file or database (the memory store: the same instance).</summary>
    protected IJournalStorage SecondWriter { get; private set; } = null!;

    protected abstract Task<IJournalStorage> CreateStorageAsync();

    protected abstract Task<IJournalStorage> CreateSecondWriterAsync();

    public virtual async Task InitializeAsync()
    {
        Storage = await CreateStorageAsync();
        SecondWriter = await CreateSecondWriterAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (!ReferenceEquals(SecondWriter, Storage) && SecondWriter is IAsyncDisposable second)
        {
            await second.DisposeAsync();
        }

        if (Storage is IAsyncDisposable first)
        {
            await first.DisposeAsync();
        }
    }

    protected GrainId Id(string key) => new(GrainType, key);

    protected static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static ReadOnlyMemory<byte>[] Records(params string[] texts) => [.. texts.Select(Bytes)];

    protected static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    protected static string[] Texts(JournalReadResult journal) => [.. journal.Records.Select(Text)];

    protected Task<long> AppendAsync(GrainId id, long expectedVersion, params string[] records)
        => Storage.AppendAsync(id, State, Records(records), expectedVersion, CancellationToken.None);

    protected Task<JournalReadResult> ReadAsync(GrainId id) => Storage.ReadAsync(id, State, CancellationToken.None);

    [Fact]
    public async Task Read_OfAJournalNeverWritten_IsEmptyAtVersionZero()
    {
        var journal = await ReadAsync(Id("never"));

        Assert.Null(journal.Snapshot);
        Assert.Empty(journal.Records);
        Assert.Equal(0, journal.Version);
    }

    [Fact]
    public async Task Append_ThenRead_ReturnsTheRecordsInOrderWithTheNewVersion()
    {
        var id = Id("round-trip");

        var first = await AppendAsync(id, 0, "alpha", "beta");
        var second = await AppendAsync(id, first, "gamma");
        var journal = await ReadAsync(id);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(["alpha", "beta", "gamma"], Texts(journal));
        Assert.Equal(2, journal.Version);
        Assert.Null(journal.Snapshot);
    }

    [Fact]
    public async Task Append_OfBinaryAndEmptyRecords_ReadsBackByteForByte()
    {
        var id = Id("binary");
        var binary = new byte[70_000];
        new Random(7).NextBytes(binary);
        byte[] small = [0, 255, 13, 10, 0];

        await Storage.AppendAsync(id, State, [binary, ReadOnlyMemory<byte>.Empty, small], 0, CancellationToken.None);
        var journal = await ReadAsync(id);

        Assert.Equal(3, journal.Records.Count);
        Assert.Equal(binary, journal.Records[0].ToArray());
        Assert.Equal(0, journal.Records[1].Length);
        Assert.Equal(small, journal.Records[2].ToArray());
    }

    [Fact]
    public async Task Append_DoesNotKeepTheCallersBuffers()
    {
        var id = Id("buffers");
        var buffer = Encoding.UTF8.GetBytes("original");

        await Storage.AppendAsync(id, State, [buffer], 0, CancellationToken.None);
        buffer.AsSpan().Fill((byte)'x');
        var journal = await ReadAsync(id);

        Assert.Equal(["original"], Texts(journal));
    }

    [Fact]
    public async Task Append_WithAStaleVersionFromASecondWriter_ThrowsInconsistentStateAndStoresNothing()
    {
        var id = Id("stale-append");
        var version = await AppendAsync(id, 0, "first");
        await SecondWriter.AppendAsync(id, State, Records("second"), version, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => AppendAsync(id, version, "lost"));
        var journal = await ReadAsync(id);

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Equal(["first", "second"], Texts(journal));
        Assert.Equal(2, journal.Version);
    }

    [Fact]
    public async Task Append_ToANewJournalThatASecondWriterCreatedFirst_ThrowsInconsistentState()
    {
        var id = Id("created-twice");
        await SecondWriter.AppendAsync(id, State, Records("theirs"), 0, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => AppendAsync(id, 0, "mine"));

        Assert.Equal(["theirs"], Texts(await ReadAsync(id)));
    }

    [Fact]
    public async Task Replace_ThenRead_ReturnsTheSnapshotAndOnlyTheRecordsAppendedAfterIt()
    {
        var id = Id("compaction");
        var version = await AppendAsync(id, 0, "a", "b");
        version = await AppendAsync(id, version, "c");

        version = await Storage.ReplaceAsync(id, State, Bytes("abc"), version, CancellationToken.None);
        version = await AppendAsync(id, version, "d");
        var journal = await ReadAsync(id);

        Assert.Equal(4, version);
        Assert.Equal("abc", Text(journal.Snapshot!.Value));
        Assert.Equal(["d"], Texts(journal));
        Assert.Equal(4, journal.Version);
    }

    [Fact]
    public async Task Replace_OfAJournalNeverWritten_StartsItFromTheSnapshot()
    {
        var id = Id("snapshot-first");

        var version = await Storage.ReplaceAsync(id, State, Bytes("s0"), 0, CancellationToken.None);
        version = await AppendAsync(id, version, "r1");
        var journal = await ReadAsync(id);

        Assert.Equal("s0", Text(journal.Snapshot!.Value));
        Assert.Equal(["r1"], Texts(journal));
        Assert.Equal(2, journal.Version);
    }

    [Fact]
    public async Task Replace_WithAStaleVersion_ThrowsAndKeepsTheJournal()
    {
        var id = Id("stale-replace");
        var version = await AppendAsync(id, 0, "a");
        await SecondWriter.AppendAsync(id, State, Records("b"), version, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ReplaceAsync(id, State, Bytes("a only"), version, CancellationToken.None));
        var journal = await ReadAsync(id);

        Assert.Null(journal.Snapshot);
        Assert.Equal(["a", "b"], Texts(journal));
    }

    [Fact]
    public async Task Delete_ThenRead_IsEmpty_AndTheJournalStartsAgainAtVersionZero()
    {
        var id = Id("delete");
        var version = await AppendAsync(id, 0, "a");
        version = await Storage.ReplaceAsync(id, State, Bytes("snap"), version, CancellationToken.None);
        version = await AppendAsync(id, version, "b");

        await Storage.DeleteAsync(id, State, version, CancellationToken.None);
        var deleted = await ReadAsync(id);
        var recreated = await AppendAsync(id, 0, "fresh");

        Assert.Null(deleted.Snapshot);
        Assert.Empty(deleted.Records);
        Assert.Equal(0, deleted.Version);
        Assert.Equal(1, recreated);
        Assert.Equal(["fresh"], Texts(await ReadAsync(id)));
    }

    [Fact]
    public async Task Delete_WithAStaleVersion_ThrowsAndKeepsTheJournal()
    {
        var id = Id("stale-delete");
        var version = await AppendAsync(id, 0, "a");

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.DeleteAsync(id, State, version + 1, CancellationToken.None));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.DeleteAsync(id, State, 0, CancellationToken.None));

        Assert.Equal(["a"], Texts(await ReadAsync(id)));
    }

    [Fact]
    public async Task Delete_OfAJournalNeverWritten_SucceedsAtVersionZeroOnly()
    {
        var id = Id("delete-missing");

        await Storage.DeleteAsync(id, State, 0, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.DeleteAsync(id, State, 3, CancellationToken.None));
    }

    [Fact]
    public async Task Journals_AreKeptApartByGrainTypeKeyAndStateName()
    {
        string[] keys = ["k", "K", "k\0", "\0", "a/b", "\u00ff\u00fe", "\u20ac-euro", "\ud800-lone-surrogate"];
        for (var i = 0; i < keys.Length; i++)
        {
            await AppendAsync(Id(keys[i]), 0, $"main:{i}");
            await Storage.AppendAsync(Id(keys[i]), "other", Records($"other:{i}"), 0, CancellationToken.None);
        }

        await Storage.AppendAsync(new GrainId(GrainType + "-b", "k"), State, Records("type-b"), 0, CancellationToken.None);

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal([$"main:{i}"], Texts(await ReadAsync(Id(keys[i]))));
            Assert.Equal([$"other:{i}"], Texts(await Storage.ReadAsync(Id(keys[i]), "other", CancellationToken.None)));
        }

        Assert.Equal(["type-b"], Texts(await Storage.ReadAsync(new GrainId(GrainType + "-b", "k"), State, CancellationToken.None)));
    }

    [Fact]
    public async Task ConcurrentAppends_FromManyJournals_AreAllStoredInOrder()
    {
        const int Journals = 40;
        const int AppendsPerJournal = 5;

        await Task.WhenAll(Enumerable.Range(0, Journals).Select(async j =>
        {
            var version = 0L;
            for (var i = 0; i < AppendsPerJournal; i++)
            {
                version = await AppendAsync(Id($"many-{j}"), version, $"{j}:{i}");
            }
        }));

        for (var j = 0; j < Journals; j++)
        {
            var journal = await ReadAsync(Id($"many-{j}"));
            Assert.Equal(Enumerable.Range(0, AppendsPerJournal).Select(i => $"{j}:{i}"), Texts(journal));
            Assert.Equal(AppendsPerJournal, journal.Version);
        }
    }

    [Fact]
    public async Task GrainJournal_RecoversCommittedRecordsAndSnapshots_InANewActivation()
    {
        var id = Id("activation");
        var first = new GrainJournal(Storage, id, State);
        await first.RecoverAsync(_ => { }, _ => { });
        first.Append(Bytes("a").Span);
        await first.CommitAsync();
        first.Append(Bytes("b").Span);
        first.Append(Bytes("c").Span);
        await first.CommitAsync();
        await first.SnapshotAsync(Bytes("abc"));
        first.Append(Bytes("d").Span);
        await first.CommitAsync();

        var snapshots = new List<string>();
        var records = new List<string>();
        var second = new GrainJournal(Storage, id, State);
        await second.RecoverAsync(s => snapshots.Add(Text(s)), r => records.Add(Text(r)));

        Assert.Equal(["abc"], snapshots);
        Assert.Equal(["d"], records);
        Assert.Equal(first.Version, second.Version);
    }

    [Fact]
    public async Task GrainJournal_OfAStaleActivation_FailsToCommit()
    {
        var id = Id("two-activations");
        var current = new GrainJournal(Storage, id, State);
        var stale = new GrainJournal(SecondWriter, id, State);
        await current.RecoverAsync(_ => { }, _ => { });
        await stale.RecoverAsync(_ => { }, _ => { });

        current.Append(Bytes("current").Span);
        await current.CommitAsync();
        stale.Append(Bytes("stale").Span);

        await Assert.ThrowsAsync<InconsistentStateException>(async () => await stale.CommitAsync());
        Assert.Equal(["current"], Texts(await ReadAsync(id)));
    }
}
