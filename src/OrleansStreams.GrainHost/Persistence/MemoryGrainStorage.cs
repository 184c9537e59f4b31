using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace OrleansStreams.GrainHost;

/// <summary>
/// In-process <see cref="IGrainStorage"/>. It enforces ETags exactly like a database would (a lax memory store hides
/// concurrency bugs) and stores serialized copies, so a writer's later mutations never leak into storage.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { IncludeFields = true };

    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredGrainState> _states = new();
    // One counter for the whole store, so an ETag is never reused (no ABA after a clear).
    private long _lastEtag;

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, GrainStateHolder<TState> holder, CancellationToken cancellationToken) where TState : new()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            holder.State = JsonSerializer.Deserialize<TState>(stored.Json, SerializerOptions) ?? new TState();
            holder.ETag = stored.ETag;
            holder.RecordExists = true;
        }
        else
        {
            holder.State = new TState();
            holder.ETag = null;
            holder.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, GrainStateHolder<TState> holder, CancellationToken cancellationToken) where TState : new()
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (stateName, grainId);
        var etag = Interlocked.Increment(ref _lastEtag).ToString(CultureInfo.InvariantCulture);
        var replacement = new StoredGrainState(JsonSerializer.SerializeToUtf8Bytes(holder.State, SerializerOptions), etag);
        if (holder.ETag is null)
        {
            // First write: only if no record exists.
            if (!_states.TryAdd(key, replacement))
            {
                throw Conflict(stateName, grainId, CurrentEtag(key), null);
            }
        }
        else if (!_states.TryGetValue(key, out var current) || current.ETag != holder.ETag || !_states.TryUpdate(key, replacement, current))
        {
            throw Conflict(stateName, grainId, CurrentEtag(key), holder.ETag);
        }

        holder.ETag = etag;
        holder.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, GrainStateHolder<TState> holder, CancellationToken cancellationToken) where TState : new()
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (stateName, grainId);
        if (holder.ETag is null)
        {
            if (_states.ContainsKey(key))
            {
                throw Conflict(stateName, grainId, CurrentEtag(key), null);
            }
        }
        else if (!_states.TryGetValue(key, out var current) || current.ETag != holder.ETag || !_states.TryRemove(KeyValuePair.Create(key, current)))
        {
            throw Conflict(stateName, grainId, CurrentEtag(key), holder.ETag);
        }

        holder.State = new TState();
        holder.ETag = null;
        holder.RecordExists = false;
        return Task.CompletedTask;
    }

    private string? CurrentEtag((string, GrainId) key) => _states.TryGetValue(key, out var stored) ? stored.ETag : null;

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? storedEtag, string? currentEtag)
        => new($"State '{stateName}' of {grainId} was changed by another writer (stored ETag '{storedEtag}', expected '{currentEtag}').", storedEtag, currentEtag);
}
