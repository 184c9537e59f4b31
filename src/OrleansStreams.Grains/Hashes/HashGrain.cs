using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Hashes;
using OrleansStreams.Keys;
using OrleansStreams.Strings;

namespace OrleansStreams.Grains.Hashes;

/// <summary>
/// One Redis hash key. Each mutation journals one small record per changed field; the journal is compacted into
/// a snapshot once its tail outgrows the hash. The key exists exactly while it has fields.
/// </summary>
internal sealed class HashGrain(Keyspace.Keyspace keyspace) : Grain, IHashGrain
{
    public const string JournalName = "hash";

    private const int MinRecordsBeforeSnapshot = 32;

    private readonly OwnedKey _owned = new(keyspace, KeyType.Hash);
    private readonly RecordWriter _writer = new();

    // Insertion order, as Redis shows small (listpack) hashes; a field updated in place keeps its position.
    private readonly OrderedDictionary<string, byte[]> _fields = new(StringComparer.Ordinal);
    private IGrainJournal _journal = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _owned.Key = GrainId.Key;
        _journal = Context.GetJournal(JournalName);
        await _journal.RecoverAsync(ApplySnapshot, Apply, cancellationToken);
    }

    public async ValueTask<KeyRead<byte[]?>> GetAsync(string field, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing<byte[]?>(nowMs, null);
        return new(false, _fields.GetValueOrDefault(field));
    }

    public async ValueTask<KeyRead<byte[]?[]>> GetManyAsync(string[] fields, long nowMs)
    {
        var values = new byte[]?[fields.Length];
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs, values);
        for (var i = 0; i < fields.Length; i++) values[i] = _fields.GetValueOrDefault(fields[i]);
        return new(false, values);
    }

    public async ValueTask<KeyRead<HashField[]>> GetAllAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing<HashField[]>(nowMs, []);
        var all = new HashField[_fields.Count];
        var i = 0;
        foreach (var pair in _fields) all[i++] = new HashField(pair.Key, pair.Value);
        return new(false, all);
    }

    public async ValueTask<KeyRead<long>> LengthAsync(long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs, 0L);
        return new(false, _fields.Count);
    }

    public async ValueTask<KeyRead<bool>> ExistsAsync(string field, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs, false);
        return new(false, _fields.ContainsKey(field));
    }

    public async ValueTask<KeyRead<long>> SetAsync(HashField[] fields, bool onlyIfNew, long nowMs)
    {
        var exists = await IsLiveAsync(nowMs);
        if (!exists && _owned.OtherType(nowMs) != KeyType.None) return KeyRead<long>.OtherType;
        if (onlyIfNew && exists && fields.All(f => _fields.ContainsKey(f.Name))) return new(false, 0);
        if (!exists && !_owned.TryClaim(nowMs, out _)) return KeyRead<long>.OtherType;

        if (!exists) AppendClaim();
        long added = 0;
        foreach (var field in fields)
        {
            if (onlyIfNew && _fields.ContainsKey(field.Name)) continue;
            if (_fields.TryAdd(field.Name, field.Value)) added++;
            else _fields[field.Name] = field.Value;
            _journal.Append(_writer.Begin(HashRecordKind.SetField).Latin1(field.Name).Bytes(field.Value).Complete());
        }
        await SaveAsync(created: !exists);
        return new(false, added);
    }

    public async ValueTask<KeyRead<long>> DeleteFieldsAsync(string[] fields, long nowMs)
    {
        if (!await IsLiveAsync(nowMs)) return Missing(nowMs, 0L);
        var removed = new List<string>();
        foreach (var field in fields)
        {
            if (_fields.Remove(field)) removed.Add(field);
        }
        if (removed.Count == 0) return new(false, 0);
        if (_fields.Count == 0)
        {
            await RemoveAsync();
            return new(false, removed.Count);
        }
        foreach (var field in removed) _journal.Append(_writer.Begin(HashRecordKind.DeleteField).Latin1(field).Complete());
        await SaveAsync(created: false);
        return new(false, removed.Count);
    }

    public async ValueTask<IntegerUpdateResult> IncrementAsync(string field, long delta, long nowMs)
    {
        var exists = await IsLiveAsync(nowMs);
        if (!exists && _owned.OtherType(nowMs) != KeyType.None) return new(NumberUpdateStatus.WrongType, 0);
        long current = 0;
        if (exists && _fields.TryGetValue(field, out var stored) && !RedisInteger.TryParse(stored, out current))
        {
            return new(NumberUpdateStatus.NotANumber, 0);
        }
        if ((delta < 0 && current < 0 && delta < long.MinValue - current) || (delta > 0 && current > 0 && delta > long.MaxValue - current))
        {
            return new(NumberUpdateStatus.Overflow, 0);
        }
        if (!exists && !_owned.TryClaim(nowMs, out _)) return new(NumberUpdateStatus.WrongType, 0);

        var result = current + delta;
        await SetFieldAsync(field, RedisInteger.Format(result), created: !exists);
        return new(NumberUpdateStatus.Ok, result);
    }

    public async ValueTask<FloatUpdateResult> IncrementFloatAsync(string field, LongDouble delta, long nowMs)
    {
        var exists = await IsLiveAsync(nowMs);
        if (!exists && _owned.OtherType(nowMs) != KeyType.None) return new(NumberUpdateStatus.WrongType, null);
        var current = LongDouble.Zero;
        if (exists && _fields.TryGetValue(field, out var stored) && !LongDouble.TryParse(stored, out current))
        {
            return new(NumberUpdateStatus.NotANumber, null);
        }
        if (!LongDouble.TryAdd(current, delta, out var sum)) return new(NumberUpdateStatus.Overflow, null);
        if (!exists && !_owned.TryClaim(nowMs, out _)) return new(NumberUpdateStatus.WrongType, null);

        var text = sum.ToRedisText();
        await SetFieldAsync(field, text, created: !exists);
        return new(NumberUpdateStatus.Ok, text);
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

    /// <summary>A missing key reads as empty, unless a key of another type is there.</summary>
    private KeyRead<T> Missing<T>(long nowMs, T empty)
        => _owned.OtherType(nowMs) != KeyType.None ? KeyRead<T>.OtherType : new(false, empty);

    /// <summary>Applies the ownership rule: true when this grain holds the live key; stale state is dropped and the drop journaled.</summary>
    private async ValueTask<bool> IsLiveAsync(long nowMs)
    {
        if (_owned.IsCurrent(nowMs, out var stale)) return true;
        if (stale)
        {
            _fields.Clear();
            await _journal.ClearAsync();
        }
        return false;
    }

    private async ValueTask RemoveAsync()
    {
        // The key is released only once its journal is gone: a failed delete leaves key and state as they were.
        await _journal.ClearAsync();
        _owned.Release();
        _fields.Clear();
    }

    private async ValueTask SetFieldAsync(string field, byte[] value, bool created)
    {
        if (created) AppendClaim();
        _fields[field] = value;
        _journal.Append(_writer.Begin(HashRecordKind.SetField).Latin1(field).Bytes(value).Complete());
        await SaveAsync(created);
    }

    /// <summary>Starts a new life of the key in the journal: whatever an older life left behind no longer applies.</summary>
    private void AppendClaim()
        => _journal.Append(_writer.Begin(HashRecordKind.Claim).Int64(_owned.Generation).Complete());

    private async ValueTask SaveExpiryAsync(long expiresAtMs)
    {
        _owned.SetExpiry(expiresAtMs);
        _journal.Append(_writer.Begin(HashRecordKind.Expiry).Int64(expiresAtMs).Complete());
        await SaveAsync(created: false);
    }

    /// <summary>Commits the records appended this turn, or replaces the journal by a snapshot once the tail outgrows the hash.</summary>
    private async ValueTask SaveAsync(bool created)
    {
        try
        {
            if (_journal.RecordsSinceSnapshot >= Math.Max(MinRecordsBeforeSnapshot, 2L * _fields.Count))
            {
                await _journal.SnapshotAsync(EncodeSnapshot());
            }
            else
            {
                await _journal.CommitAsync();
            }
        }
        catch
        {
            // Memory is now ahead of storage: drop a key this turn created and let a fresh activation replay.
            if (created) _owned.Release();
            DeactivateOnIdle();
            throw;
        }
    }

    private ReadOnlyMemory<byte> EncodeSnapshot()
    {
        var writer = _writer.Begin(HashRecordKind.Snapshot).Int64(_owned.Generation).Int64(_owned.ExpiresAtMs).Int64(_fields.Count);
        foreach (var pair in _fields) writer.Latin1(pair.Key).Bytes(pair.Value);
        return writer.CompleteToArray();
    }

    private void ApplySnapshot(ReadOnlyMemory<byte> snapshot)
    {
        var reader = new RecordReader(snapshot.Span);
        if (reader.Kind != HashRecordKind.Snapshot) throw reader.UnknownKind("hash snapshot");
        _owned.Recover(reader.Int64(), reader.Int64());
        var count = reader.Int64();
        _fields.Clear();
        for (var i = 0; i < count; i++)
        {
            var name = reader.Latin1();
            _fields[name] = reader.Bytes();
        }
        reader.End();
    }

    private void Apply(ReadOnlyMemory<byte> record)
    {
        var reader = new RecordReader(record.Span);
        switch (reader.Kind)
        {
            case HashRecordKind.Claim:
                _fields.Clear();
                _owned.Recover(reader.Int64(), 0);
                break;
            case HashRecordKind.SetField:
                var name = reader.Latin1();
                _fields[name] = reader.Bytes();
                break;
            case HashRecordKind.DeleteField:
                _fields.Remove(reader.Latin1());
                break;
            case HashRecordKind.Expiry:
                _owned.Recover(_owned.Generation, reader.Int64());
                break;
            default:
                throw reader.UnknownKind("hash");
        }
        reader.End();
    }
}
