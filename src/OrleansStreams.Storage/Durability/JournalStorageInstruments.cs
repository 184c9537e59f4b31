using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansStreams.Storage;

/// <summary>Metrics and traces of the journal stores. Tagged by database system only, never by key.</summary>
internal sealed class JournalStorageInstruments : IDisposable
{
    public const string Name = "OrleansStreams.Storage";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly KeyValuePair<string, object?> _system;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _writes;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Counter<long> _syncs;
    private readonly Counter<long> _failures;

    public JournalStorageInstruments(string databaseSystem, IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _system = new("db.system", databaseSystem);
        _batches = _meter.CreateCounter<long>("orleansstreams.journal.batches", description: "Transactions committed by the journal writer");
        _writes = _meter.CreateCounter<long>("orleansstreams.journal.writes", description: "Journal appends, replaces and deletes committed");
        _batchSize = _meter.CreateHistogram<int>("orleansstreams.journal.batch.size", unit: "{write}", description: "Writes sharing one commit (group commit)");
        _commitDuration = _meter.CreateHistogram<double>("orleansstreams.journal.commit.duration", unit: "s", description: "Time to apply and commit one batch");
        _syncs = _meter.CreateCounter<long>("orleansstreams.journal.syncs", description: "Explicit flushes of committed writes to disk");
        _failures = _meter.CreateCounter<long>("orleansstreams.journal.failures", description: "Batches or syncs the database refused");
    }

    public void BatchCommitted(int writes, TimeSpan duration)
    {
        _batches.Add(1, _system);
        _writes.Add(writes, _system);
        _batchSize.Record(writes, _system);
        _commitDuration.Record(duration.TotalSeconds, _system);
    }

    /// <summary>
    /// The span of one batch commit: a child of the first write's caller, linked to every other caller, since one
    /// commit serves many grain calls (group commit).
    /// </summary>
    public static Activity? StartCommit(List<JournalWrite> batch)
    {
        if (!ActivitySource.HasListeners()) return null;
        var parent = batch[0].Caller;
        List<ActivityLink>? links = null;
        for (var i = 1; i < batch.Count; i++)
        {
            var caller = batch[i].Caller;
            if (caller != default && caller != parent) (links ??= []).Add(new ActivityLink(caller));
        }

        return ActivitySource.StartActivity("journal.commit", ActivityKind.Internal, parent, tags: null, links);
    }

    public void Synced() => _syncs.Add(1, _system);

    public void Failed() => _failures.Add(1, _system);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
