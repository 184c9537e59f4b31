using System.Buffers.Binary;
using System.Text;

namespace OrleansStreams.GrainHost.Tests;

public sealed class JournalTests
{
    private static readonly GrainId Id = new("journaled-counter", "c");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<(List<string> Snapshots, List<string> Records)> RecoverAsync(GrainJournal journal)
    {
        var snapshots = new List<string>();
        var records = new List<string>();
        await journal.RecoverAsync(s => snapshots.Add(Encoding.UTF8.GetString(s.Span)), r => records.Add(Encoding.UTF8.GetString(r.Span)));
        return (snapshots, records);
    }

    [Fact]
    public async Task CommittedRecords_AreReplayedInOrderAfterTheSnapshot()
    {
        var storage = new MemoryJournalStorage();
        var journal = new GrainJournal(storage, Id, "j");
        await RecoverAsync(journal);
        journal.Append(Bytes("a"));
        journal.Append(Bytes("b"));
        await journal.CommitAsync();
        await journal.SnapshotAsync(Bytes("ab"));
        journal.Append(Bytes("c"));
        await journal.CommitAsync();
        journal.Append(Bytes("d"));
        await journal.CommitAsync();

        var (snapshots, records) = await RecoverAsync(new GrainJournal(storage, Id, "j"));

        Assert.Equal(["ab"], snapshots);
        Assert.Equal(["c", "d"], records);
        Assert.Equal(2, journal.RecordsSinceSnapshot);
    }

    [Fact]
    public async Task JournalWithoutSnapshot_ReplaysOnlyRecords()
    {
        var storage = new MemoryJournalStorage();
        var journal = new GrainJournal(storage, Id, "j");
        await RecoverAsync(journal);
        journal.Append(Bytes("a"));
        await journal.CommitAsync();

        var (snapshots, records) = await RecoverAsync(new GrainJournal(storage, Id, "j"));

        Assert.Empty(snapshots);
        Assert.Equal(["a"], records);
    }

    [Fact]
    public async Task UncommittedRecords_AreNotStored()
    {
        var storage = new MemoryJournalStorage();
        var journal = new GrainJournal(storage, Id, "j");
        await RecoverAsync(journal);
        journal.Append(Bytes("a"));

        var (_, records) = await RecoverAsync(new GrainJournal(storage, Id, "j"));

        Assert.Empty(records);
        Assert.Equal(1, journal.BufferedRecords);
    }

    [Fact]
    public async Task CommitWithNothingBuffered_DoesNotWrite()
    {
        var storage = new MemoryJournalStorage();
        var journal = new GrainJournal(storage, Id, "j");
        await RecoverAsync(journal);

        var commit = journal.CommitAsync();

        Assert.True(commit.IsCompletedSuccessfully);
        Assert.Equal(0, journal.Version);
        Assert.Equal(0, (await storage.ReadAsync(Id, "j", default)).Version);
    }

    [Fact]
    public async Task AppendedBuffers_AreCopied()
    {
        var storage = new MemoryJournalStorage();
        var journal = new GrainJournal(storage, Id, "j");
        await RecoverAsync(journal);
        var record = Bytes("abc");
        journal.Append(record);
        record[0] = (byte)'x';
        await journal.CommitAsync();

        var direct = Bytes("def");
        await storage.AppendAsync(Id, "j", [direct], journal.Version, default);
        direct[0] = (byte)'x';

        var (_, records) = await RecoverAsync(new GrainJournal(storage, Id, "j"));
        Assert.Equal(["abc", "def"], records);
    }

    [Fact]
    public async Task ManyRecords_SurviveBufferGrowth()
    {
        var storage = new MemoryJournalStorage();
        var journal = new GrainJournal(storage, Id, "j");
        await RecoverAsync(journal);
        var expected = Enumerable.Range(0, 500).Select(i => new string((char)('a' + (i % 26)), i % 40)).ToList();
        foreach (var text in expected)
        {
            journal.Append(Bytes(text));
        }

        await journal.CommitAsync();

        var (_, records) = await RecoverAsync(new GrainJournal(storage, Id, "j"));
        Assert.Equal(expected, records);
    }

    [Fact]
    public async Task StaleJournalWriter_IsRejected()
    {
        var storage = new MemoryJournalStorage();
        var first = new GrainJournal(storage, Id, "j");
        var second = new GrainJournal(storage, Id, "j");
        await RecoverAsync(first);
        await RecoverAsync(second);

        first.Append(Bytes("from-first"));
        await first.CommitAsync();
        second.Append(Bytes("from-second"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => second.CommitAsync().AsTask());

        // Fenced until it replays: the outcome of a failed write is uncertain.
        Assert.Throws<InconsistentStateException>(() => second.Append(Bytes("more")));
        var (_, records) = await RecoverAsync(second);
        Assert.Equal(["from-first"], records);
        second.Append(Bytes("after-recovery"));
        await second.CommitAsync();
        await Assert.ThrowsAsync<InconsistentStateException>(() => first.SnapshotAsync(Bytes("snap")).AsTask());
    }

    [Fact]
    public async Task Clear_DeletesTheJournalAndAStaleClearIsRejected()
    {
        var storage = new MemoryJournalStorage();
        var journal = new GrainJournal(storage, Id, "j");
        var stale = new GrainJournal(storage, Id, "j");
        await RecoverAsync(journal);
        await RecoverAsync(stale);
        journal.Append(Bytes("a"));
        await journal.CommitAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale.ClearAsync().AsTask());
        await journal.ClearAsync();

        var (snapshots, records) = await RecoverAsync(new GrainJournal(storage, Id, "j"));
        Assert.Empty(snapshots);
        Assert.Empty(records);
        journal.Append(Bytes("b"));
        await journal.CommitAsync();
        Assert.Equal(["b"], (await RecoverAsync(new GrainJournal(storage, Id, "j"))).Records);
    }

    [Fact]
    public async Task StorageVersionMismatch_ThrowsForAppendReplaceAndDelete()
    {
        var storage = new MemoryJournalStorage();
        var version = await storage.AppendAsync(Id, "j", [Bytes("a")], 0, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.AppendAsync(Id, "j", [Bytes("b")], version - 1, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ReplaceAsync(Id, "j", Bytes("s"), version + 1, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.DeleteAsync(Id, "j", 0, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.DeleteAsync(Id, "other", 3, default));
        Assert.Equal(version, (await storage.ReadAsync(Id, "j", default)).Version);
    }

    [Fact]
    public async Task GrainWhoseJournalWasOverwritten_FailsThenReplaysOnTheNextCall()
    {
        await using var host = new TestHost();
        var counter = host.Grain<IJournaledCounterGrain>("c");
        Assert.Equal(1, await counter.InvokeAsync(g => g.AddAsync(1)));
        var intruder = new GrainJournal(host.Runtime.JournalStorageForTests(), Id, JournaledCounterGrain.StateName);
        await intruder.RecoverAsync(_ => { }, _ => { });
        var record = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(record, 100);
        intruder.Append(record);
        await intruder.CommitAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.InvokeAsync(g => g.AddAsync(1)).AsTask());
        await host.Probe.WhenSignalled("deactivated:c");

        Assert.Equal(DeactivationReason.InconsistentState, Assert.Single(host.Probe.Deactivations).Reason);
        Assert.Equal(101, await counter.InvokeAsync(g => g.GetAsync()));
        Assert.Equal(102, await counter.InvokeAsync(g => g.AddAsync(1)));
    }
}
