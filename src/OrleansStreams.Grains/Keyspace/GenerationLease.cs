namespace OrleansStreams.Grains.Keyspace;

/// <summary>
/// Keeps key generations unique across restarts. A durable store holds a limit: no generation above it has ever
/// been handed out. Generations up to the limit are handed out freely; when half of the block below it is used,
/// the next block is reserved in the background (one small durable write per <see cref="BlockSize"/>/2 claims).
/// Only if claims outrun that write does a claim wait for it, and if the write fails the claim fails, so a
/// generation is never used before it is covered by a stored limit. At start-up the silo continues after the
/// stored limit, so a deleted and re-created key never gets an old generation back.
/// </summary>
public sealed class GenerationLease
{
    private readonly Func<long, Task> _store;
    private readonly Lock _lock = new();
    private long _limit;
    private Task<Exception?>? _extension;

    /// <param name="limit">The limit already stored durably.</param>
    /// <param name="blockSize">How many generations each durable write reserves.</param>
    /// <param name="store">Stores a new limit durably; completes once it is stored.</param>
    public GenerationLease(long limit, long blockSize, Func<long, Task> store)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 2);
        ArgumentNullException.ThrowIfNull(store);
        _limit = limit;
        BlockSize = blockSize;
        _store = store;
    }

    public long BlockSize { get; }

    /// <summary>The highest generation durably reserved.</summary>
    public long Limit => Volatile.Read(ref _limit);

    /// <summary>
    /// Called for every generation before it is handed out. Returns at once while it is well inside the reserved
    /// block; blocks only when it lies beyond the stored limit, and throws when the limit cannot be stored.
    /// </summary>
    public void Cover(long generation)
    {
        var limit = Limit;
        if (generation <= limit - BlockSize / 2) return;
        var extension = Extend(generation);
        if (generation <= limit) return;
        while (generation > Limit)
        {
            // Claims have outrun the background write (or it failed): wait for a write that covers this one.
            if (extension.GetAwaiter().GetResult() is { } failure)
            {
                throw new InvalidOperationException($"storage unavailable: cannot reserve key generations ({failure.Message})", failure);
            }
            extension = Extend(generation);
        }
    }

    /// <summary>Starts a write of the next limit unless one is running; the returned task reports its failure, never throws.</summary>
    private Task<Exception?> Extend(long generation)
    {
        lock (_lock)
        {
            if (_extension is { IsCompleted: false } running) return running;
            var target = Math.Max(_limit, generation) + BlockSize;
            // Off the caller's context: a grain turn may block on this task.
            _extension = Task.Run(() => StoreAsync(target));
            return _extension;
        }
    }

    private async Task<Exception?> StoreAsync(long target)
    {
        try
        {
            await _store(target).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return exception;
        }
        lock (_lock)
        {
            if (target > _limit) Volatile.Write(ref _limit, target);
        }
        return null;
    }
}
