using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansStreams.GrainHost;

/// <summary>
/// In-process <see cref="IJournalStorage"/>: per (grain, state name) an optional snapshot, the records after it,
/// and a version bumped by every append or replace. Buffers are copied in, and the stored arrays are never
/// mutated afterwards, so reads can hand them out.
/// </summary>
public sealed class MemoryJournalStorage : IJournalStorage
{
    private readonly ConcurrentDictionary<(GrainId GrainId, string StateName), MemoryJournal> _journals = new();

    public Task<JournalReadResult> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_journals.TryGetValue((grainId, stateName), out var journal))
        {
            return Task.FromResult(JournalReadResult.Empty);
        }

        lock (journal.Sync)
        {
            if (journal.Deleted)
            {
                return Task.FromResult(JournalReadResult.Empty);
            }

            var records = new ReadOnlyMemory<byte>[journal.Records.Count];
            for (var i = 0; i < records.Length; i++)
            {
                records[i] = journal.Records[i];
            }

            // Not a conditional expression: null would convert to an empty, non-null memory through byte[].
            ReadOnlyMemory<byte>? snapshot = null;
            if (journal.Snapshot is { } bytes)
            {
                snapshot = bytes;
            }

            return Task.FromResult(new JournalReadResult(snapshot, records, journal.Version));
        }
    }

    public Task<long> AppendAsync(GrainId grainId, string stateName, IReadOnlyList<ReadOnlyMemory<byte>> records, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = new byte[records.Count][];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = records[i].ToArray();
        }

        while (true)
        {
            var journal = _journals.GetOrAdd((grainId, stateName), static _ => new MemoryJournal());
            lock (journal.Sync)
            {
                if (journal.Deleted)
                {
                    continue;
                }

                CheckVersion(journal, grainId, stateName, expectedVersion);
                journal.Records.AddRange(copies);
                journal.Version++;
                return Task.FromResult(journal.Version);
            }
        }
    }

    public Task<long> ReplaceAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> snapshot, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var copy = snapshot.ToArray();
        while (true)
        {
            var journal = _journals.GetOrAdd((grainId, stateName), static _ => new MemoryJournal());
            lock (journal.Sync)
            {
                if (journal.Deleted)
                {
                    continue;
                }

                CheckVersion(journal, grainId, stateName, expectedVersion);
                journal.Snapshot = copy;
                journal.Records.Clear();
                journal.Version++;
                return Task.FromResult(journal.Version);
            }
        }
    }

    public Task DeleteAsync(GrainId grainId, string stateName, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (grainId, stateName);
        if (!_journals.TryGetValue(key, out var journal))
        {
            if (expectedVersion != 0)
            {
                throw Conflict(grainId, stateName, 0, expectedVersion);
            }

            return Task.CompletedTask;
        }

        lock (journal.Sync)
        {
            if (!journal.Deleted)
            {
                CheckVersion(journal, grainId, stateName, expectedVersion);
                // A deleted journal reads as empty at version 0, like one never written.
                journal.Deleted = true;
                _journals.TryRemove(KeyValuePair.Create(key, journal));
            }
            else if (expectedVersion != 0)
            {
                throw Conflict(grainId, stateName, 0, expectedVersion);
            }
        }

        return Task.CompletedTask;
    }

    private static void CheckVersion(MemoryJournal journal, GrainId grainId, string stateName, long expectedVersion)
    {
        if (journal.Version != expectedVersion)
        {
            throw Conflict(grainId, stateName, journal.Version, expectedVersion);
        }
    }

    private static InconsistentStateException Conflict(GrainId grainId, string stateName, long storedVersion, long expectedVersion)
        => new(
            $"Journal '{stateName}' of {grainId} is at version {storedVersion}, not {expectedVersion}: another writer got there first.",
            storedVersion.ToString(CultureInfo.InvariantCulture),
            expectedVersion.ToString(CultureInfo.InvariantCulture));
}
