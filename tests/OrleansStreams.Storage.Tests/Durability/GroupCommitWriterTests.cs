using Microsoft.Extensions.Logging.Abstractions;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

public sealed class GroupCommitWriterTests : IAsyncLifetime
{
    private const string State = "state";
    private readonly FakeJournalBackend _backend = new();
    private readonly ManualTimeProvider _clock = new();
    private GroupCommitWriter? _writer;

    private GroupCommitWriter Writer(DurabilityMode durability = DurabilityMode.Always)
        => _writer = new GroupCommitWriter(
            _backend,
            new SqliteJournalStorageOptions { DataDirectory = "unused", Durability = durability },
            _clock,
            NullLogger.Instance,
            new JournalStorageInstruments("fake", meterFactory: null));

    private static GrainId Id(string key) => new("writer-test", key);

    private static Task<long> Append(GroupCommitWriter writer, string key, long expectedVersion = 0, CancellationToken cancellationToken = default)
        => writer.WriteAsync(JournalWrite.Append(Id(key), State, [new byte[] { 1 }], expectedVersion), cancellationToken);

    private static JournalBatchException StatementFailure(bool isConflict = false)
        => new(new JournalStorageException("value too big", JournalStorageFailure.Failed, outcomeUnknown: false, innerException: null), JournalBatchFailureScope.Statement, isConflict);

    [Fact]
    public async Task WritesQueuedWhileACommitIsInFlight_ShareTheNextCommit()
    {
        var writer = Writer();
        _backend.CloseGate();
        var first = Append(writer, "a");
        await _backend.BatchEntered;
        Task<long>[] queued = [Append(writer, "b"), Append(writer, "c"), Append(writer, "d")];

        _backend.OpenGate();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal([1, 3], _backend.CommittedBatchSizes);
        Assert.Equal(2, writer.Statistics.Batches);
        Assert.Equal(3, writer.Statistics.LargestBatch);
        Assert.Equal(4, writer.Statistics.Records);
    }

    [Fact]
    public async Task AStatementFailure_FailsOnlyTheWriteThatCausedIt()
    {
        var writer = Writer();
        _backend.FailWrite = write => write.GrainId.Key == "bad" ? StatementFailure() : null;
        _backend.CloseGate();
        var first = Append(writer, "first");
        await _backend.BatchEntered;
        var good1 = Append(writer, "good1");
        var bad = Append(writer, "bad");
        var good2 = Append(writer, "good2");

        _backend.OpenGate();

        Assert.Equal(1, await first);
        Assert.Equal(1, await good1);
        Assert.Equal(1, await good2);
        var failure = await Assert.ThrowsAsync<JournalStorageException>(() => bad);
        Assert.Equal("value too big", failure.Message);
        Assert.Equal(0, _backend.VersionOf(Id("bad"), State));
    }

    [Fact]
    public async Task AUniqueKeyViolation_IsReportedAsAVersionConflict()
    {
        var writer = Writer();
        _backend.FailWrite = _ => StatementFailure(isConflict: true);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Append(writer, "racing"));
    }

    [Fact]
    public async Task AVersionConflict_FailsOnlyItsWrite_WithoutIsolatingTheBatch()
    {
        var writer = Writer();
        await Append(writer, "taken");
        _backend.CloseGate();
        var first = Append(writer, "first");
        await _backend.BatchEntered;
        var stale = Append(writer, "taken", expectedVersion: 0);
        var good = Append(writer, "good");

        _backend.OpenGate();

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        Assert.Equal(1, await good);
        Assert.Equal(1, await first);
        Assert.Equal([1, 1, 2], _backend.CommittedBatchSizes);
    }

    [Fact]
    public async Task ALostConnection_IsRetriedOnceOnANewConnection()
    {
        var writer = Writer();
        _backend.FailNextBatch(JournalBatchFailureScope.ConnectionLost);

        Assert.Equal(1, await Append(writer, "a"));
        Assert.Equal(1, _backend.Resets);
        Assert.Equal(0, writer.Statistics.FailedBatches);
    }

    [Fact]
    public async Task AConnectionLostTwice_FailsTheBatch_AndTheNextWriteSucceeds()
    {
        var writer = Writer();
        _backend.FailNextBatch(JournalBatchFailureScope.ConnectionLost);
        _backend.FailNextBatch(JournalBatchFailureScope.ConnectionLost);

        var failure = await Assert.ThrowsAsync<JournalStorageException>(() => Append(writer, "a"));
        var next = await Append(writer, "a");

        Assert.Equal(JournalStorageFailure.Unavailable, failure.Failure);
        Assert.Equal(1, next);
        Assert.Equal(2, _backend.Resets);
    }

    [Fact]
    public async Task AStoreFailure_FailsTheWholeBatchWithoutTryingWritesOneByOne()
    {
        var writer = Writer();
        _backend.CloseGate();
        var first = Append(writer, "first");
        await _backend.BatchEntered;
        _backend.FailNextBatch(JournalBatchFailureScope.Store);
        Task<long>[] batch = [Append(writer, "a"), Append(writer, "b"), Append(writer, "c")];
        _backend.FailNextBatch(JournalBatchFailureScope.Store);

        _backend.OpenGate();

        await Assert.ThrowsAsync<JournalStorageException>(() => first);
        foreach (var write in batch)
        {
            await Assert.ThrowsAsync<JournalStorageException>(() => write);
        }

        Assert.Equal(2, _backend.Calls);
        Assert.Equal(1, await Append(writer, "a"));
    }

    [Fact]
    public async Task ACommitFailure_ReportsAnUnknownOutcome()
    {
        var writer = Writer();
        _backend.FailNextBatch(JournalBatchFailureScope.Commit, outcomeUnknown: true);

        var failure = await Assert.ThrowsAsync<JournalStorageException>(() => Append(writer, "a"));

        Assert.True(failure.OutcomeUnknown);
        Assert.Equal(1, _backend.Calls);
    }

    [Fact]
    public async Task AWriteCancelledWhileQueued_IsNeverApplied()
    {
        var writer = Writer();
        using var cancellation = new CancellationTokenSource();
        _backend.CloseGate();
        var first = Append(writer, "first");
        await _backend.BatchEntered;
        var cancelled = Append(writer, "cancelled", cancellationToken: cancellation.Token);

        await cancellation.CancelAsync();
        _backend.OpenGate();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, await first);
        await writer.FlushAsync(default);
        Assert.Equal([1], _backend.CommittedBatchSizes);
        Assert.Equal(0, _backend.VersionOf(Id("cancelled"), State));
    }

    [Fact]
    public async Task Flush_InEverysec_SyncsOnlyWhenSomethingWasCommittedSinceTheLastSync()
    {
        var writer = Writer(DurabilityMode.Everysec);

        await writer.FlushAsync(default);
        await Append(writer, "a");
        await writer.FlushAsync(default);
        await writer.FlushAsync(default);

        Assert.Equal(1, _backend.Syncs);
        Assert.Equal(1, writer.Statistics.Syncs);
    }

    [Fact]
    public async Task Flush_InAlways_NeverSyncs()
    {
        var writer = Writer(DurabilityMode.Always);
        await Append(writer, "a");

        await writer.FlushAsync(default);

        Assert.Equal(0, _backend.Syncs);
    }

    [Fact]
    public async Task Everysec_SyncsWhenTheIntervalElapses()
    {
        var writer = Writer(DurabilityMode.Everysec);
        await Append(writer, "a");
        Assert.Equal(0, _backend.Syncs);

        _clock.Advance(TimeSpan.FromSeconds(1));

        await writer.Statistics.WaitUntilAsync(s => s.Syncs == 1, "the periodic sync");
    }

    [Fact]
    public async Task AFailedSync_FailsTheFlush_AndTheNextFlushRetries()
    {
        var writer = Writer(DurabilityMode.Everysec);
        await Append(writer, "a");
        _backend.FailSync = new JournalBatchException(
            new JournalStorageException("disk gone", JournalStorageFailure.Failed, outcomeUnknown: false, innerException: null),
            JournalBatchFailureScope.Store);

        var failure = await Assert.ThrowsAsync<JournalStorageException>(() => writer.FlushAsync(default));
        await writer.FlushAsync(default);

        Assert.Equal("disk gone", failure.Message);
        Assert.Equal(1, _backend.Syncs);
    }

    [Fact]
    public async Task Dispose_FinishesQueuedWrites_FlushesEverysec_AndRefusesLaterWrites()
    {
        var writer = Writer(DurabilityMode.Everysec);
        _backend.CloseGate();
        var first = Append(writer, "a");
        await _backend.BatchEntered;
        var second = Append(writer, "b");

        var disposing = writer.DisposeAsync();
        _backend.OpenGate();
        await disposing;

        Assert.Equal(1, await first);
        Assert.Equal(1, await second);
        Assert.Equal(1, _backend.Syncs);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Append(writer, "c"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }
}
