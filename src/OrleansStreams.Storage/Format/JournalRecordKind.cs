namespace OrleansStreams.Storage;

/// <summary>What a stored blob holds; part of the checksummed header, so a snapshot cannot pass for a record.</summary>
internal enum JournalRecordKind : byte
{
    Record = 1,
    Snapshot = 2,
}
