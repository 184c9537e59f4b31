using System.Buffers.Binary;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Silo.Storage;

/// <summary>
/// The key-generation limit in the journal store, next to the grains' journals: one tiny journal whose snapshot is
/// replaced on every reservation. Its version check makes a second silo writing the same store fail loudly.
/// </summary>
public sealed class GenerationStore(IJournalStorage storage)
{
    /// <summary>Not a grain: named so it cannot collide with a grain type.</summary>
    public static readonly GrainId JournalOwner = new("silo", "keyspace");

    public const string JournalName = "generations";

    private const byte FormatVersion = 1;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _version;
    private bool _versionUnknown;

    /// <summary>The stored limit (0 when none was ever stored).</summary>
    public async Task<long> LoadAsync(CancellationToken cancellationToken)
    {
        var journal = await storage.ReadAsync(JournalOwner, JournalName, cancellationToken).ConfigureAwait(false);
        _version = journal.Version;
        if (journal.Snapshot is not { } snapshot) return 0;
        var bytes = snapshot.Span;
        if (bytes.Length != 9 || bytes[0] != FormatVersion)
        {
            throw new InvalidDataException($"The key-generation record of {JournalOwner} has {bytes.Length} bytes, format {(bytes.Length > 0 ? bytes[0] : 0)}; expected 9 bytes of format {FormatVersion}.");
        }
        return BinaryPrimitives.ReadInt64LittleEndian(bytes[1..]);
    }

    /// <summary>Stores a new limit; completes once it is durable (as durable as the store's mode makes any write).</summary>
    public async Task SaveAsync(long limit)
    {
        var bytes = new byte[9];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(1), limit);
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_versionUnknown)
            {
                // A failed write may still have committed; a larger limit is written next either way.
                _version = (await storage.ReadAsync(JournalOwner, JournalName, CancellationToken.None).ConfigureAwait(false)).Version;
                _versionUnknown = false;
            }
            _version = await storage.ReplaceAsync(JournalOwner, JournalName, bytes, _version, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            // A conflict means another silo writes this store: keep failing. Anything else may have committed.
            _versionUnknown = true;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
