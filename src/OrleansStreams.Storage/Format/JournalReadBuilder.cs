using System.Globalization;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

/// <summary>
/// Assembles a <see cref="JournalReadResult"/> from database rows (journal row, snapshot, records by sequence)
/// and checks them on the way: every blob's header and checksum, and that the records run without a gap from
/// the snapshot's position (or 0) up to the journal's next sequence, so a lost row is caught as well as a
/// damaged one. Payloads are slices of the row arrays, not copies.
/// </summary>
internal sealed class JournalReadBuilder(GrainId grainId, string stateName)
{
    private readonly List<ReadOnlyMemory<byte>> _records = [];
    private bool _found;
    private long _version;
    private long _nextSequence;
    private long _expectedSequence;
    private ReadOnlyMemory<byte>? _snapshot;

    public void SetJournal(long version, long nextSequence)
    {
        _found = true;
        _version = version;
        _nextSequence = nextSequence;
    }

    public void SetSnapshot(long sequence, byte[] stored)
    {
        _snapshot = Decode(stored, JournalRecordKind.Snapshot, sequence, "snapshot");
        _expectedSequence = sequence;
    }

    public void AddRecord(long sequence, byte[] stored)
    {
        if (sequence != _expectedSequence)
        {
            throw Corrupted($"record {_expectedSequence.ToString(CultureInfo.InvariantCulture)} is missing (the next stored one is {sequence.ToString(CultureInfo.InvariantCulture)})", _expectedSequence);
        }

        _records.Add(Decode(stored, JournalRecordKind.Record, sequence, "record"));
        _expectedSequence++;
    }

    public JournalReadResult Build()
    {
        if (!_found)
        {
            return _snapshot is null && _records.Count == 0
                ? JournalReadResult.Empty
                : throw Corrupted("rows exist without their journal row", sequence: null);
        }

        if (_expectedSequence != _nextSequence)
        {
            throw Corrupted(
                $"records {_expectedSequence.ToString(CultureInfo.InvariantCulture)} to {(_nextSequence - 1).ToString(CultureInfo.InvariantCulture)} are missing",
                _expectedSequence);
        }

        return new JournalReadResult(_snapshot, _records, _version);
    }

    private ReadOnlyMemory<byte> Decode(byte[] stored, JournalRecordKind kind, long sequence, string what)
    {
        var status = JournalRecordCodec.TryDecode(stored, kind, out var payload);
        return status switch
        {
            JournalDecodeStatus.Ok => payload,
            JournalDecodeStatus.UnknownFormat => throw Corrupted($"{what} {sequence.ToString(CultureInfo.InvariantCulture)} has format version {stored[0].ToString(CultureInfo.InvariantCulture)}, which this build cannot read", sequence),
            JournalDecodeStatus.ChecksumMismatch => throw Corrupted($"{what} {sequence.ToString(CultureInfo.InvariantCulture)} fails its checksum", sequence),
            _ => throw Corrupted($"{what} {sequence.ToString(CultureInfo.InvariantCulture)} has a damaged header ({status})", sequence),
        };
    }

    private JournalCorruptedException Corrupted(string problem, long? sequence)
        => new($"Journal '{stateName}' of {grainId} is corrupt: {problem}.", grainId, stateName, sequence);
}
