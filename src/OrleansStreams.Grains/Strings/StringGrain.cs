using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Grains.Strings;

/// <summary>
/// One Redis string key. The whole state is small, so each mutation journals the full value with the key's
/// generation and expiry; an expiry change alone journals just the new time.
/// </summary>
internal sealed class StringGrain(Keyspace.Keyspace keyspace) : Grain, IStringGrain
{
    public const string JournalName = "string";

    // Every Set record holds the whole state, so a short tail is enough before compacting.
    private const int RecordsPerSnapshot = 16;

    private readonly OwnedKey _owned = new(keyspace, KeyType.String);
    private readonly RecordWriter _writer = new();
    private IGrainJournal _journal = null!;
    private byte[]? _value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _owned.Key = GrainId.Key;
        _journal = Context.GetJournal(JournalName);
        await _journal.RecoverAsync(Apply, Apply, cancellationToken);
    }

    public async ValueTask<KeyRead<byte[]?>> GetAsync(long nowMs)
    {
        return await IsLiveAsync(nowMs) ? new(false, _value) : Missing(nowMs);
    }

    public async ValueTask<KeyRead<byte[]?>> GetDeleteAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs);
        var value = _value;
        await RemoveAsync();
        return new(false, value);
    }

    public async ValueTask<StringSetResult> SetAsync(StringSetRequest request)
    {
        var nowMs = request.NowMs;
        var exists = await IsLiveAsync(nowMs);
        var old = _value;
        var other = exists ? KeyType.None : _owned.OtherType(nowMs);
        if (other != KeyType.None) return OtherTypeInTheWay(request, other);
        if ((request.Condition == SetCondition.IfMissing && exists) || (request.Condition == SetCondition.IfExists && !exists))
        {
            return new StringSetResult(StringSetStatus.NotSet, old);
        }

        var expiresAtMs = request.ExpiryMode switch
        {
            SetExpiryMode.Keep => exists ? _owned.ExpiresAtMs : 0,
            SetExpiryMode.At => request.ExpiresAtMs,
            _ => 0,
        };
        if (!exists && !_owned.TryClaim(nowMs, out other)) return OtherTypeInTheWay(request, other);
        if (expiresAtMs != 0 && expiresAtMs <= nowMs)
        {
            // EXAT/PXAT in the past: the value is written and expires at once, so the key is simply gone.
            await RemoveAsync();
            return new StringSetResult(StringSetStatus.Set, old);
        }

        _value = request.Value;
        _owned.SetExpiry(expiresAtMs);
        await SaveValueAsync(created: !exists);
        return new StringSetResult(StringSetStatus.Set, old);
    }

    public async ValueTask<IntegerUpdateResult> IncrementAsync(long delta, long nowMs)
    {
        var exists = await IsLiveAsync(nowMs);
        if (!exists && _owned.OtherType(nowMs) != KeyType.None) return new(NumberUpdateStatus.WrongType, 0);
        long current = 0;
        if (exists && !RedisInteger.TryParse(_value, out current)) return new(NumberUpdateStatus.NotANumber, 0);
        if ((delta < 0 && current < 0 && delta < long.MinValue - current) || (delta > 0 && current > 0 && delta > long.MaxValue - current))
        {
            return new(NumberUpdateStatus.Overflow, 0);
        }
        if (!exists && !_owned.TryClaim(nowMs, out _)) return new(NumberUpdateStatus.WrongType, 0);

        var result = current + delta;
        _value = RedisInteger.Format(result);
        await SaveValueAsync(created: !exists);
        return new(NumberUpdateStatus.Ok, result);
    }

    public async ValueTask<FloatUpdateResult> IncrementFloatAsync(LongDouble delta, long nowMs)
    {
        var exists = await IsLiveAsync(nowMs);
        if (!exists && _owned.OtherType(nowMs) != KeyType.None) return new(NumberUpdateStatus.WrongType, null);
        var current = LongDouble.Zero;
        if (exists && !LongDouble.TryParse(_value, out current)) return new(NumberUpdateStatus.NotANumber, null);
        if (!LongDouble.TryAdd(current, delta, out var sum)) return new(NumberUpdateStatus.Overflow, null);
        if (!exists && !_owned.TryClaim(nowMs, out _)) return new(NumberUpdateStatus.WrongType, null);

        _value = sum.ToRedisText();
        await SaveValueAsync(created: !exists);
        return new(NumberUpdateStatus.Ok, _value);
    }

    public async ValueTask<ExpireOutcome> ExpireAsync(ExpireRequest request)
    {
        if (!await IsLiveAsync(request.NowMs)) return ExpireOutcome.Missing;
        var outcome = request.Decide(_owned.ExpiresAtMs);
        if (outcome == ExpireOutcome.Deleted) await RemoveAsync();
        else if (outcome == ExpireOutcome.Applied) await SaveExpiryAsync(request.WhenMs);
        return outcome;
    }

    public async ValueTask<bool> PersistAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs) || _owned.ExpiresAtMs == 0) return false;
        await SaveExpiryAsync(0);
        return true;
    }

    public async ValueTask<bool> EvictExpiredAsync(long nowMs)
    {
        if (!_owned.Exists) return _owned.ReleaseOrphan(nowMs);
        return !await IsLiveAsync(nowMs);
    }

    public async ValueTask<bool> DeleteAsync()
    {
        if (!await IsLiveAsync(TimeProvider.GetUtcNow().ToUnixTimeMilliseconds())) return false;
        await RemoveAsync();
        return true;
    }

    /// <summary>No string here: nil, unless a key of another type is there.</summary>
    private KeyRead<byte[]?> Missing(long nowMs)
        => _owned.OtherType(nowMs) != KeyType.None ? KeyRead<byte[]?>.OtherType : new(false, null);

    /// <summary>A live key of another type: SET ... GET reports WRONGTYPE, NX sees an existing key, anything else overwrites it.</summary>
    private static StringSetResult OtherTypeInTheWay(StringSetRequest request, KeyType other)
    {
        if (request.ReturnOldValue) return new StringSetResult(StringSetStatus.WrongType, null, other);
        if (request.Condition == SetCondition.IfMissing) return new StringSetResult(StringSetStatus.NotSet, null, other);
        return new StringSetResult(StringSetStatus.HeldByOtherType, null, other);
    }

    /// <summary>Applies the ownership rule: true when this grain holds the live key; stale state is dropped and the drop journaled.</summary>
    private async ValueTask<bool> IsLiveAsync(long nowMs)
    {
        if (_owned.IsCurrent(nowMs, out var stale)) return true;
        if (stale)
        {
            _value = null;
            await _journal.ClearAsync();
        }
        return false;
    }

    private async ValueTask RemoveAsync()
    {
        // The key is released only once its journal is gone: a failed delete leaves key and state as they were.
        await _journal.ClearAsync();
        _owned.Release();
        _value = null;
    }

    private ValueTask SaveValueAsync(bool created) => SaveAsync(expiryOnly: false, created);

    private ValueTask SaveExpiryAsync(long expiresAtMs)
    {
        _owned.SetExpiry(expiresAtMs);
        return SaveAsync(expiryOnly: true, created: false);
    }

    /// <summary>Journals the change as one record, or as a snapshot of the whole state once the tail has grown.</summary>
    private async ValueTask SaveAsync(bool expiryOnly, bool created)
    {
        try
        {
            if (_journal.RecordsSinceSnapshot >= RecordsPerSnapshot)
            {
                await _journal.SnapshotAsync(EncodeValue().ToArray());
            }
            else
            {
                _journal.Append(expiryOnly ? _writer.Begin(StringRecordKind.Expiry).Int64(_owned.ExpiresAtMs).Complete() : EncodeValue());
                await _journal.CommitAsync();
            }
        }
        catch
        {
            Abandon(created);
            throw;
        }
    }

    /// <summary>The whole state as a Value record (also the snapshot); valid until the writer is used again.</summary>
    private ReadOnlySpan<byte> EncodeValue()
        => _writer.Begin(StringRecordKind.Value).Int64(_owned.Generation).Int64(_owned.ExpiresAtMs).Bytes(_value).Complete();

    /// <summary>
    /// A failed write leaves memory ahead of storage: drop a key this turn created and let a fresh activation
    /// replay the journal.
    /// </summary>
    private void Abandon(bool created)
    {
        if (created) _owned.Release();
        DeactivateOnIdle();
    }

    private void Apply(ReadOnlyMemory<byte> record)
    {
        var reader = new RecordReader(record.Span);
        switch (reader.Kind)
        {
            case StringRecordKind.Value:
                _owned.Recover(reader.Int64(), reader.Int64());
                _value = reader.Bytes();
                break;
            case StringRecordKind.Expiry:
                _owned.Recover(_owned.Generation, reader.Int64());
                break;
            default:
                throw reader.UnknownKind("string");
        }
        reader.End();
    }
}
