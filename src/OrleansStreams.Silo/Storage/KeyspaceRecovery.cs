using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Storage;

/// <summary>
/// Rebuilds the keyspace (key → type, generation, expiry) from the journal store when the silo starts, before the
/// grains' hosted services and the RESP listener start. Lists every journal, reads each key-owning one and keeps,
/// per key, the newest life (highest generation): a journal of an older life (left behind when a key expired and
/// was re-created as another type) loses and is dropped by its grain when next called. Grains are not activated
/// here; each replays its own journal on first use. Finally it continues key generations after every one ever
/// handed out and keeps them covered by a durable lease.
/// </summary>
public sealed partial class KeyspaceRecovery(
    IJournalStorage storage,
    IJournalCatalog catalog,
    GenerationStore generations,
    Keyspace keyspace,
    ILogger<KeyspaceRecovery> logger) : IHostedService
{
    /// <summary>Generations reserved per durable write of the limit.</summary>
    public const long GenerationBlock = 1 << 16;

    public Task StartAsync(CancellationToken cancellationToken) => RecoverAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var newest = new ConcurrentDictionary<string, KeyInfo>(StringComparer.Ordinal);
        var journals = 0;
        var damaged = 0;
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(catalog.ListAsync(cancellationToken: cancellationToken), parallelism, async (descriptor, token) =>
        {
            var type = KeyJournals.TypeOf(descriptor.GrainId, descriptor.StateName);
            if (type == KeyType.None) return;
            Interlocked.Increment(ref journals);
            KeyOwnership? ownership;
            try
            {
                var journal = await storage.ReadAsync(descriptor.GrainId, descriptor.StateName, token).ConfigureAwait(false);
                ownership = KeyJournals.ReadOwnership(type, journal);
            }
            catch (Exception exception) when (exception is JournalCorruptedException or JournalRecordException)
            {
                // One damaged key must not keep every other key offline; its grain reports the damage when called.
                Interlocked.Increment(ref damaged);
                LogDamagedJournal(logger, descriptor.GrainId.ToString(), exception);
                return;
            }
            if (ownership is not { } found) return;
            var info = new KeyInfo(descriptor.GrainId.Key, type, found.Generation, found.ExpiresAtMs);
            newest.AddOrUpdate(info.Key, info, (_, existing) => info.Generation > existing.Generation ? info : existing);
        }).ConfigureAwait(false);

        foreach (var info in newest.Values) keyspace.Restore(info);

        // Continue after every generation ever handed out: the stored limit covers those whose journals are gone.
        var storedLimit = await generations.LoadAsync(cancellationToken).ConfigureAwait(false);
        keyspace.SkipGenerationsThrough(storedLimit);
        var limit = keyspace.LastGeneration + GenerationBlock;
        await generations.SaveAsync(limit).ConfigureAwait(false);
        keyspace.UseGenerationLease(new GenerationLease(limit, GenerationBlock, generations.SaveAsync));

        var report = new RecoveryReport(journals, newest.Count, damaged, keyspace.LastGeneration, stopwatch.Elapsed);
        LogRecovered(logger, report.Keys, report.Journals, report.DamagedJournals, report.Elapsed.TotalMilliseconds);
        return report;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Recovered {Keys} keys from {Journals} key journals ({Damaged} damaged) in {ElapsedMs:F0} ms")]
    private static partial void LogRecovered(ILogger logger, int keys, int journals, int damaged, double elapsedMs);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "The journal of {Grain} is damaged and was skipped: its key is not restored, and its grain fails when called")]
    private static partial void LogDamagedJournal(ILogger logger, string grain, Exception exception);
}
