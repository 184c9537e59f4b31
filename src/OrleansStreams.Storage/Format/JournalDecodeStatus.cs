namespace OrleansStreams.Storage;

internal enum JournalDecodeStatus
{
    Ok,
    Truncated,
    UnknownFormat,
    BadHeader,
    ChecksumMismatch,
}
