using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansStreams.GrainHost;

/// <summary>
/// Orleans' reminder service in small: a durable table of (grain, name, period) kept as one journal in the grain
/// journal storage, loaded when the host starts. Every stored reminder fires once soon after start (so work a grain
/// left unfinished resumes after a restart without any client call) and then once per period; a tick activates the
/// grain if it was collected and calls <see cref="IRemindable.ReceiveReminderAsync"/> as a normal turn. The table is
/// changed under one lock outside any grain turn; grains only await the registry's calls.
/// </summary>
public sealed partial class GrainReminderService : IReminderRegistry, IHostedService, IAsyncDisposable
{
    /// <summary>Not a grain: named so it cannot collide with a grain type.</summary>
    public static readonly GrainId JournalOwner = new("silo", "reminders");

    public const string JournalName = "reminders";

    private const int MinimumRecordsBeforeSnapshot = 64;

    private readonly GrainRuntime _runtime;
    private readonly TimeProvider _clock;
    private readonly ReminderOptions _options;
    private readonly ILogger<GrainReminderService> _logger;
    private readonly GrainJournal _journal;
    private readonly SemaphoreSlim _tableLock = new(1, 1);
    private readonly Dictionary<(GrainId, string), ReminderEntry> _entries = [];
    private readonly List<Task> _firing = [];
    private bool _loaded;
    private ITimer? _timer;

    public GrainReminderService(GrainRuntime runtime, IJournalStorage storage, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<GrainReminderService> logger)
    {
        _runtime = runtime;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _journal = new GrainJournal(storage, JournalOwner, JournalName);
    }

    /// <summary>Reminders in the table (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_entries) return _entries.Count;
        }
    }

    public bool IsRegistered(GrainId grainId, string reminderName)
    {
        lock (_entries) return _entries.ContainsKey((grainId, reminderName));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await WithTableAsync(static () => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetTimestamp();
        lock (_entries)
        {
            // Whatever was stored fires at the first quantum: the previous process may have died mid-work.
            foreach (var entry in _entries.Values) entry.DueTimestamp = now;
        }
        _timer = _clock.CreateTimer(static s => ((GrainReminderService)s!).OnQuantum(), this, _options.Quantum, _options.Quantum);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await DisposeTimerAsync().ConfigureAwait(false);
        Task[] firing;
        lock (_entries) firing = [.. _firing];
        await Task.WhenAll(firing).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => DisposeTimerAsync();

    public Task RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (period < _options.MinimumPeriod) period = _options.MinimumPeriod;
        return WithTableAsync(async () =>
        {
            lock (_entries)
            {
                if (_entries.TryGetValue((grainId, reminderName), out var existing) && existing.Period == period) return;
            }
            var entry = new ReminderEntry(grainId, reminderName, period, _clock.GetTimestamp() + ToTicks(period));
            await WriteAsync(ReminderRecords.Register(entry), table => table[(grainId, reminderName)] = entry, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task UnregisterAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        return WithTableAsync(async () =>
        {
            lock (_entries)
            {
                if (!_entries.ContainsKey((grainId, reminderName))) return;
            }
            await WriteAsync(ReminderRecords.Unregister(grainId, reminderName), table => table.Remove((grainId, reminderName)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Fires every due reminder now (the timer's work; tests call it to avoid waiting for a quantum).</summary>
    public Task FireDueRemindersAsync()
    {
        var now = _clock.GetTimestamp();
        List<Task> started = [];
        lock (_entries)
        {
            foreach (var entry in _entries.Values)
            {
                if (entry.Firing || entry.DueTimestamp > now) continue;
                entry.Firing = true;
                var task = FireAsync(entry);
                _firing.Add(task);
                started.Add(task);
            }
        }
        return Task.WhenAll(started);
    }

    private void OnQuantum() => _ = FireDueRemindersAsync();

    private async Task FireAsync(ReminderEntry entry)
    {
        await Task.Yield();
        try
        {
            await _runtime.InvokeAsync<IRemindable>(entry.GrainId, g => g.ReceiveReminderAsync(entry.Name)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A failing tick does not stop the reminder, as in Orleans; the next period retries.
            LogTickFailed(_logger, entry.Name, entry.GrainId.ToString(), exception);
        }
        finally
        {
            lock (_entries)
            {
                entry.Firing = false;
                entry.DueTimestamp = _clock.GetTimestamp() + ToTicks(entry.Period);
                _firing.RemoveAll(t => t.IsCompleted);
            }
        }
    }

    /// <summary>Runs a table change under the lock, reading the stored table first if that has not happened (or a write failed).</summary>
    private async Task WithTableAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        await _tableLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_loaded)
            {
                var table = new Dictionary<(GrainId, string), TimeSpan>();
                await _journal.RecoverAsync(s => ReminderRecords.Apply(s.Span, table), r => ReminderRecords.Apply(r.Span, table), cancellationToken).ConfigureAwait(false);
                var now = _clock.GetTimestamp();
                lock (_entries)
                {
                    _entries.Clear();
                    foreach (var ((grain, name), period) in table) _entries[(grain, name)] = new ReminderEntry(grain, name, period, now + ToTicks(period));
                }
                _loaded = true;
            }
            await change().ConfigureAwait(false);
        }
        catch
        {
            // The journal may be fenced or ahead of memory: read it again before the next change.
            _loaded = false;
            throw;
        }
        finally
        {
            _tableLock.Release();
        }
    }

    /// <summary>Stores one change (as a record, or as a snapshot of the changed table once records pile up), then applies it in memory.</summary>
    private async Task WriteAsync(byte[] record, Action<Dictionary<(GrainId, string), ReminderEntry>> apply, CancellationToken cancellationToken)
    {
        ReminderEntry[] next;
        lock (_entries)
        {
            var copy = new Dictionary<(GrainId, string), ReminderEntry>(_entries);
            apply(copy);
            next = [.. copy.Values];
        }
        if (_journal.RecordsSinceSnapshot >= MinimumRecordsBeforeSnapshot + (2L * next.Length))
        {
            await _journal.SnapshotAsync(ReminderRecords.EncodeSnapshot(next), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _journal.Append(record);
            await _journal.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        lock (_entries) apply(_entries);
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);

    private ValueTask DisposeTimerAsync() => Interlocked.Exchange(ref _timer, null)?.DisposeAsync() ?? default;

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Reminder {Reminder} of {Grain} failed; it fires again after its period")]
    private static partial void LogTickFailed(ILogger logger, string reminder, string grain, Exception exception);
}
