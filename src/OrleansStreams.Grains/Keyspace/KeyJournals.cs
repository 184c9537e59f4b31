using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Grains.Hashes;
using OrleansStreams.Grains.Streams;
using OrleansStreams.Grains.Strings;
using OrleansStreams.Keys;

namespace OrleansStreams.Grains.Keyspace;

/// <summary>
/// Reads, from the journal of a key-owning grain, only what the keyspace needs at start-up: which life of the key
/// (generation) the journal holds and the key's expiry, exactly as the grain's own replay would end up with them.
/// Records that cannot change either (XADD, field writes, ...) are skipped without being decoded; the grain checks
/// them when it activates.
/// </summary>
public static class KeyJournals
{
    // The grain type names given to AddGrain in the registrations; they name stored state, so they never change.
    private const string StreamGrainType = "stream";
    private const string StringGrainType = "string";
    private const string HashGrainType = "hash";

    /// <summary>The type of key a journal belongs to, or None for journals of grains that own no key (consumer groups, ...).</summary>
    public static KeyType TypeOf(GrainId grainId, string stateName) => (grainId.Type, stateName) switch
    {
        (StreamGrainType, StreamGrain.JournalName) => KeyType.Stream,
        (StringGrainType, StringGrain.JournalName) => KeyType.String,
        (HashGrainType, HashGrain.JournalName) => KeyType.Hash,
        _ => KeyType.None,
    };

    /// <summary>
    /// The key life the journal ends with, or null when it holds none. A damaged ownership record throws
    /// <see cref="JournalRecordException"/>.
    /// </summary>
    public static KeyOwnership? ReadOwnership(KeyType type, JournalReadResult journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var ownership = type switch
        {
            KeyType.Stream => ReadStream(journal),
            KeyType.String => ReadString(journal),
            KeyType.Hash => ReadHash(journal),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only stream, string and hash journals own keys."),
        };
        return ownership.Generation == 0 ? null : ownership;
    }

    private static KeyOwnership ReadStream(JournalReadResult journal)
    {
        long generation = 0, expiresAtMs = 0;
        if (journal.Snapshot is { } snapshot)
        {
            var reader = new StreamRecordReader(snapshot.Span);
            if (reader.Kind != StreamRecordKind.Snapshot) throw reader.UnknownKind();
            generation = reader.Int64();
            expiresAtMs = reader.Int64();
        }
        foreach (var record in journal.Records)
        {
            switch (KindOf(record.Span))
            {
                case StreamRecordKind.Claim:
                    generation = new StreamRecordReader(record.Span).Int64();
                    expiresAtMs = 0;
                    break;
                case StreamRecordKind.Expiry:
                    expiresAtMs = new StreamRecordReader(record.Span).Int64();
                    break;
            }
        }
        return new KeyOwnership(generation, expiresAtMs);
    }

    private static KeyOwnership ReadString(JournalReadResult journal)
    {
        long generation = 0, expiresAtMs = 0;
        // The snapshot is a Value record, and replay applies it like one.
        if (journal.Snapshot is { } snapshot) ApplyString(snapshot.Span, ref generation, ref expiresAtMs);
        foreach (var record in journal.Records) ApplyString(record.Span, ref generation, ref expiresAtMs);
        return new KeyOwnership(generation, expiresAtMs);
    }

    private static void ApplyString(ReadOnlySpan<byte> record, ref long generation, ref long expiresAtMs)
    {
        var reader = new RecordReader(record);
        switch (reader.Kind)
        {
            case StringRecordKind.Value:
                generation = reader.Int64();
                expiresAtMs = reader.Int64();
                break;
            case StringRecordKind.Expiry:
                expiresAtMs = reader.Int64();
                break;
            default:
                throw reader.UnknownKind("string");
        }
    }

    private static KeyOwnership ReadHash(JournalReadResult journal)
    {
        long generation = 0, expiresAtMs = 0;
        if (journal.Snapshot is { } snapshot)
        {
            var reader = new RecordReader(snapshot.Span);
            if (reader.Kind != HashRecordKind.Snapshot) throw reader.UnknownKind("hash snapshot");
            generation = reader.Int64();
            expiresAtMs = reader.Int64();
        }
        foreach (var record in journal.Records)
        {
            switch (KindOf(record.Span))
            {
                case HashRecordKind.Claim:
                    generation = new RecordReader(record.Span).Int64();
                    expiresAtMs = 0;
                    break;
                case HashRecordKind.Expiry:
                    expiresAtMs = new RecordReader(record.Span).Int64();
                    break;
            }
        }
        return new KeyOwnership(generation, expiresAtMs);
    }

    /// <summary>The kind byte of a record (after the format version); the owning grain validates the rest on activation.</summary>
    private static byte KindOf(ReadOnlySpan<byte> record)
        => record.Length >= 2 ? record[1] : throw new JournalRecordException($"A journal record of {record.Length} bytes is too short.");
}
