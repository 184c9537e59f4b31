using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>
/// What the database stores add to the contract: data survives a reopen, damaged or missing rows are caught,
/// concurrent writes share commits, and the catalog lists journals. SQL given to the hooks below names tables
/// as {s}records etc.; the store's own schema prefix replaces {s}.
/// </summary>
public abstract class DatabaseJournalStorageContractTests : JournalStorageContractTests
{
    protected abstract Task<IJournalStorage> CreateStorageAsync(DurabilityMode durability, TimeProvider? timeProvider = null);

    protected override Task<IJournalStorage> CreateStorageAsync() => CreateStorageAsync(DurabilityMode.Always);

    protected override Task<IJournalStorage> CreateSecondWriterAsync() => CreateStorageAsync(DurabilityMode.Always);

    protected static JournalCommitStatistics StatisticsOf(IJournalStorage storage) => storage switch
    {
        SqliteJournalStorage sqlite => sqlite.Statistics,
        PostgresJournalStorage postgres => postgres.Statistics,
        _ => throw new ArgumentException("Not a database store.", nameof(storage)),
    };

    protected static Task FlushAsync(IJournalStorage storage) => storage switch
    {
        SqliteJournalStorage sqlite => sqlite.FlushAsync(),
        PostgresJournalStorage postgres => postgres.FlushAsync(),
        _ => throw new ArgumentException("Not a database store.", nameof(storage)),
    };

    /// <summary>Takes the database's write lock from outside the store (another connection), until disposed.</summary>
    protected abstract Task<IAsyncDisposable> HoldWriteLockAsync();

    protected abstract Task ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters);

    protected abstract Task<byte[]> QueryBlobAsync(string sql, params (string Name, object Value)[] parameters);

    protected async Task ReopenAsync()
    {
        await ((IAsyncDisposable)Storage).DisposeAsync();
        Storage = await CreateStorageAsync();
    }

    private const string OwnJournals = "journal_id IN (SELECT id FROM {s}journals WHERE grain_type = @type)";

    [Fact]
    public async Task Reopen_KeepsRecordsSnapshotsVersionsAndDeletes()
    {
        var plain = Id("plain");
        var compacted = Id("compacted");
        var deleted = Id("deleted");
        var v = await AppendAsync(plain, 0, "p1");
        await AppendAsync(plain, v, "p2", "p3");
        v = await AppendAsync(compacted, 0, "c1");
        v = await Storage.ReplaceAsync(compacted, State, Bytes("c-snap"), v, CancellationToken.None);
        await AppendAsync(compacted, v, "c2");
        v = await AppendAsync(deleted, 0, "d1");
        await Storage.DeleteAsync(deleted, State, v, CancellationToken.None);

        await ReopenAsync();

        var plainJournal = await ReadAsync(plain);
        var compactedJournal = await ReadAsync(compacted);
        var deletedJournal = await ReadAsync(deleted);
        Assert.Equal(["p1", "p2", "p3"], Texts(plainJournal));
        Assert.Equal(2, plainJournal.Version);
        Assert.Equal("c-snap", Text(compactedJournal.Snapshot!.Value));
        Assert.Equal(["c2"], Texts(compactedJournal));
        Assert.Equal(3, compactedJournal.Version);
        Assert.Equal(0, deletedJournal.Version);
        Assert.Empty(deletedJournal.Records);
        Assert.Equal(3, await AppendAsync(plain, 2, "p4"));
    }

    [Fact]
    public async Task Read_OfARecordWithAFlippedByte_ThrowsJournalCorrupted()
    {
        var id = Id("flipped");
        await AppendAsync(id, 0, "alpha", "beta", "gamma");
        const string Where = "seq = 1 AND " + OwnJournals;
        var stored = await QueryBlobAsync("SELECT payload FROM {s}records WHERE " + Where, ("type", GrainType));
        stored[^1] ^= 0x20;
        await ExecuteSqlAsync("UPDATE {s}records SET payload = @payload WHERE " + Where, ("payload", stored), ("type", GrainType));

        var corrupt = await Assert.ThrowsAsync<JournalCorruptedException>(() => ReadAsync(id));

        Assert.Equal(1, corrupt.Sequence);
        Assert.Equal(id, corrupt.GrainId);
        Assert.Equal(JournalStorageFailure.Corrupt, corrupt.Failure);
        Assert.Contains("checksum", corrupt.Message);
    }

    [Fact]
    public async Task Read_OfADamagedSnapshot_ThrowsJournalCorrupted()
    {
        var id = Id("bad-snapshot");
        var version = await AppendAsync(id, 0, "a");
        await Storage.ReplaceAsync(id, State, Bytes("snapshot"), version, CancellationToken.None);
        await ExecuteSqlAsync("UPDATE {s}snapshots SET payload = @payload WHERE " + OwnJournals, ("payload", new byte[] { 1, 2, 3 }), ("type", GrainType));

        await Assert.ThrowsAsync<JournalCorruptedException>(() => ReadAsync(id));
    }

    [Fact]
    public async Task Read_WithARecordRowMissing_ThrowsJournalCorrupted()
    {
        var middle = Id("missing-middle");
        var tail = Id("missing-tail");
        await AppendAsync(middle, 0, "a", "b", "c");
        await AppendAsync(tail, 0, "a", "b", "c");
        await ExecuteSqlAsync(
            "DELETE FROM {s}records WHERE journal_id IN (SELECT id FROM {s}journals WHERE grain_type = @type AND state_name = @state AND grain_key = @key) AND seq = @seq",
            ("type", GrainType), ("state", State), ("key", GrainKeyCodec.Encode("missing-middle")), ("seq", 1L));
        await ExecuteSqlAsync(
            "DELETE FROM {s}records WHERE journal_id IN (SELECT id FROM {s}journals WHERE grain_type = @type AND state_name = @state AND grain_key = @key) AND seq = @seq",
            ("type", GrainType), ("state", State), ("key", GrainKeyCodec.Encode("missing-tail")), ("seq", 2L));

        var gap = await Assert.ThrowsAsync<JournalCorruptedException>(() => ReadAsync(middle));
        var lostTail = await Assert.ThrowsAsync<JournalCorruptedException>(() => ReadAsync(tail));

        Assert.Equal(1, gap.Sequence);
        Assert.Equal(2, lostTail.Sequence);
    }

    [Fact]
    public async Task ConcurrentAppends_FromManyJournals_ShareCommits()
    {
        const int Writes = 20;
        await AppendAsync(Id("warm-up"), 0, "opens the writer's connection");
        var before = StatisticsOf(Storage).Batches;
        Task<long>[] appends;
        await using (await HoldWriteLockAsync())
        {
            // The writer's first transaction waits for the lock, so everything queued meanwhile joins the next one.
            appends = [.. Enumerable.Range(0, Writes).Select(i => AppendAsync(Id($"group-{i}"), 0, $"record {i}"))];
        }

        var versions = await Task.WhenAll(appends);

        Assert.All(versions, version => Assert.Equal(1, version));
        var statistics = StatisticsOf(Storage);
        Assert.True(statistics.LargestBatch > 1, $"largest batch {statistics.LargestBatch}");
        Assert.True(statistics.Batches - before < Writes, $"{statistics.Batches - before} commits for {Writes} writes");
        for (var i = 0; i < Writes; i++)
        {
            Assert.Equal([$"record {i}"], Texts(await ReadAsync(Id($"group-{i}"))));
        }
    }

    [Fact]
    public async Task AStaleAppendInASharedCommit_FailsOnlyItself()
    {
        var contested = Id("contested");
        await AppendAsync(contested, 0, "already here");
        Task<long>[] before, after;
        Task<long> stale;
        await using (await HoldWriteLockAsync())
        {
            // Whatever the writer took first, the stale write lands in a transaction with good ones on both sides.
            before = [.. Enumerable.Range(0, 10).Select(i => AppendAsync(Id($"good-{i}"), 0, "good"))];
            stale = AppendAsync(contested, 0, "stale");
            after = [.. Enumerable.Range(10, 10).Select(i => AppendAsync(Id($"good-{i}"), 0, "good"))];
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        Assert.All(await Task.WhenAll(before.Concat(after)), version => Assert.Equal(1, version));
        Assert.Equal(["already here"], Texts(await ReadAsync(contested)));
        Assert.True(StatisticsOf(Storage).LargestBatch > 1);
    }

    [Fact]
    public async Task Catalog_ListsEveryJournalWithItsVersion()
    {
        await AppendAsync(Id("one"), 0, "x");
        var v = await AppendAsync(Id("two\0"), 0, "x");
        await AppendAsync(Id("two\0"), v, "y");
        await Storage.AppendAsync(Id("\u20ac"), "other", Records("x"), 0, CancellationToken.None);
        v = await AppendAsync(Id("gone"), 0, "x");
        await Storage.DeleteAsync(Id("gone"), State, v, CancellationToken.None);
        await Storage.AppendAsync(new GrainId(GrainType + "-other", "one"), State, Records("x"), 0, CancellationToken.None);

        var listed = new List<JournalDescriptor>();
        await foreach (var journal in ((IJournalCatalog)Storage).ListAsync(GrainType))
        {
            listed.Add(journal);
        }

        Assert.Equal(
            [new(Id("one"), State, 1), new(Id("two\0"), State, 2), new(Id("\u20ac"), "other", 1)],
            listed);
    }

    [Theory]
    [InlineData(DurabilityMode.Always)]
    [InlineData(DurabilityMode.Everysec)]
    [InlineData(DurabilityMode.None)]
    public async Task EveryDurabilityMode_KeepsWhatItAcknowledged_AcrossAReopen(DurabilityMode durability)
    {
        var id = Id("durability-" + durability);
        var storage = await CreateStorageAsync(durability);
        await using (storage as IAsyncDisposable)
        {
            var version = await storage.AppendAsync(id, State, Records("r1"), 0, CancellationToken.None);
            await storage.AppendAsync(id, State, Records("r2"), version, CancellationToken.None);
        }

        var reopened = await CreateStorageAsync(durability);
        await using (reopened as IAsyncDisposable)
        {
            Assert.Equal(["r1", "r2"], Texts(await reopened.ReadAsync(id, State, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task Everysec_FlushesCommittedWrites_OncePerInterval()
    {
        var clock = new ManualTimeProvider();
        var storage = await CreateStorageAsync(DurabilityMode.Everysec, clock);
        await using (storage as IAsyncDisposable)
        {
            var statistics = StatisticsOf(storage);
            await storage.AppendAsync(Id("everysec"), State, Records("r1"), 0, CancellationToken.None);
            Assert.Equal(0, statistics.Syncs);

            clock.Advance(TimeSpan.FromSeconds(1));
            await statistics.WaitUntilAsync(s => s.Syncs == 1, "the periodic flush");

            await storage.AppendAsync(Id("everysec"), State, Records("r2"), 1, CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
            await statistics.WaitUntilAsync(s => s.Syncs == 2, "the second periodic flush");
        }
    }

    [Fact]
    public async Task Flush_InEverysec_FlushesWhatWasCommitted()
    {
        var storage = await CreateStorageAsync(DurabilityMode.Everysec, new ManualTimeProvider());
        await using (storage as IAsyncDisposable)
        {
            await storage.AppendAsync(Id("flush"), State, Records("r1"), 0, CancellationToken.None);

            await FlushAsync(storage);

            Assert.Equal(1, StatisticsOf(storage).Syncs);
        }
    }

    [Fact]
    public async Task Always_NeverNeedsAnExtraFlush()
    {
        var statistics = StatisticsOf(Storage);
        await AppendAsync(Id("always"), 0, "r1");

        await FlushAsync(Storage);

        Assert.Equal(0, statistics.Syncs);
    }
}
