using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansStreams.Client;

/// <summary>
/// A group member as a hosted service: XREADGROUP BLOCK → handler → XACK, with at most
/// <see cref="StreamConsumerOptions.MaxConcurrency"/> handlers at once and retries on failure. Stopping stops reading
/// at once and lets in-flight handlers finish; if the host's shutdown timeout runs out first, their token is cancelled
/// and unfinished entries stay pending (never lost: they are resumed at the next start or claimed by another member).
/// </summary>
public class StreamConsumerService : BackgroundService
{
    private readonly StreamsClient _client;
    private readonly StreamConsumerOptions _options;
    private readonly Func<StreamMessage, CancellationToken, Task> _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abortHandlers = new();
    private readonly ConcurrentDictionary<string, Task> _inFlight = new();
    private readonly SemaphoreSlim _slots;

    private const int AckAttempts = 3;

    public StreamConsumerService(StreamsClient client, StreamConsumerOptions options, Func<StreamMessage, CancellationToken, Task> handler, ILogger<StreamConsumerService>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, nameof(options.MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        _client = client;
        _options = options;
        _handler = handler;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    public StreamConsumerOptions Options => _options;

    /// <summary>Handlers running now.</summary>
    public int InFlight => _inFlight.Count;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown timeout bounds how long in-flight handlers may take.
        await using var registration = cancellationToken.Register(() => _abortHandlers.Cancel()).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        base.Dispose();
        _abortHandlers.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ReadLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            StreamConsumerLog.Stopping(_logger, _options.Stream, _options.Group, _options.Consumer, _inFlight.Count);
            await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync(CancellationToken stoppingToken)
    {
        if (_options.CreateGroup) await UntilDoneAsync(EnsureGroupAsync, stoppingToken).ConfigureAwait(false);
        // "0" walks this consumer's own pending entries first; ">" then reads new ones.
        var position = _options.ResumePending ? "0-0" : ">";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var free = 1;
            while (free < _options.BatchSize && _slots.Wait(0)) free++;
            IReadOnlyList<StreamEntry> entries;
            try
            {
                var block = position == ">" ? _options.Block : (TimeSpan?)null;
                entries = await _client.XReadGroupAsync(_options.Group, _options.Consumer, _options.Stream, position, free, block, noAck: false, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                _slots.Release(free);
                return;
            }
            catch (Exception exception) when (exception is StreamsException or TimeoutException)
            {
                _slots.Release(free);
                StreamConsumerLog.ReadFailed(_logger, exception, _options.Stream, _options.Group, _options.Consumer);
                // Entries whose acknowledgement was lost with the connection are still pending for this consumer.
                if (_options.ResumePending) position = "0-0";
                if (exception is StreamsServerException { ErrorCode: "NOGROUP" } && _options.CreateGroup) await UntilDoneAsync(EnsureGroupAsync, stoppingToken).ConfigureAwait(false);
                if (!await DelayAsync(_options.ReadErrorDelay, stoppingToken).ConfigureAwait(false)) return;
                continue;
            }
            if (entries.Count < free) _slots.Release(free - entries.Count);
            if (position != ">") position = entries.Count == 0 ? ">" : entries[^1].Id;
            foreach (var entry in entries)
            {
                // Re-reading the pending history after a failure also returns entries still being handled here.
                if (!Start(entry)) _slots.Release();
            }
        }
    }

    private bool Start(StreamEntry entry)
    {
        if (_inFlight.ContainsKey(entry.Id)) return false;
        var task = Task.Run(() => HandleAsync(entry));
        _inFlight[entry.Id] = task;
        // Removal after insertion, even when the handler is already done.
        _ = task.ContinueWith(_ => _inFlight.TryRemove(entry.Id, out var _), TaskScheduler.Default);
        return true;
    }

    private async Task HandleAsync(StreamEntry entry)
    {
        try
        {
            if (entry.IsDeleted)
            {
                // Deleted from the stream after delivery: nothing left to handle.
                await AcknowledgeAsync(entry.Id).ConfigureAwait(false);
                return;
            }
            for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
            {
                try
                {
                    await _handler(new StreamMessage(_options.Stream, _options.Group, _options.Consumer, entry, attempt), _abortHandlers.Token).ConfigureAwait(false);
                    if (await AcknowledgeAsync(entry.Id).ConfigureAwait(false)) ClientInstruments.EntryFinished(_options.Group, "acknowledged");
                    return;
                }
                catch (Exception) when (_abortHandlers.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    ClientInstruments.HandlerFailed(_options.Group);
                    StreamConsumerLog.HandlerFailed(_logger, exception, _options.Stream, entry.Id, attempt, _options.MaxAttempts);
                }
                if (attempt < _options.MaxAttempts && !await DelayAsync(_options.RetryDelay * Math.Pow(2, attempt - 1), _abortHandlers.Token).ConfigureAwait(false)) return;
            }
            StreamConsumerLog.GaveUp(_logger, _options.Stream, entry.Id, _options.MaxAttempts, _options.OnFailure);
            if (_options.OnFailure == FailedEntryAction.Acknowledge) await AcknowledgeAsync(entry.Id).ConfigureAwait(false);
            ClientInstruments.EntryFinished(_options.Group, _options.OnFailure == FailedEntryAction.Acknowledge ? "dropped" : "failed");
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<bool> AcknowledgeAsync(string id)
    {
        // XACK is idempotent, so a failed one is simply tried again; after the last try the entry stays pending.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _client.XAckAsync(_options.Stream, _options.Group, id, _abortHandlers.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception exception) when (exception is StreamsException or TimeoutException or OperationCanceledException)
            {
                if (attempt == AckAttempts || _abortHandlers.IsCancellationRequested || !await DelayAsync(_options.ReadErrorDelay, _abortHandlers.Token).ConfigureAwait(false))
                {
                    // Unacknowledged work is redelivered: at least once, never lost.
                    StreamConsumerLog.AckFailed(_logger, exception, _options.Stream, id);
                    return false;
                }
            }
        }
    }

    private async Task EnsureGroupAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.XGroupCreateAsync(_options.Stream, _options.Group, _options.StartId, mkStream: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (StreamsServerException exception) when (exception.ErrorCode == "BUSYGROUP")
        {
        }
    }

    /// <summary>Runs an action until it succeeds or the service stops, waiting between failed tries.</summary>
    private async Task UntilDoneAsync(Func<CancellationToken, Task> action, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await action(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is StreamsException or TimeoutException)
            {
                StreamConsumerLog.ReadFailed(_logger, exception, _options.Stream, _options.Group, _options.Consumer);
                if (!await DelayAsync(_options.ReadErrorDelay, stoppingToken).ConfigureAwait(false)) return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
