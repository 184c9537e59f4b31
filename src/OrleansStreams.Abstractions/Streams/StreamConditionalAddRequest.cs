namespace OrleansStreams.Streams;

/// <summary>
/// XADDIF / XADDMULTIIF: appends <paramref name="Entries"/>, in order, only if the stream's version (its
/// entries-added counter; 0 for a missing key) is <paramref name="ExpectedVersion"/>. All entries are added in one
/// turn and one journal write, or none is; the trim applies once, after the last entry.
/// </summary>
public sealed record StreamConditionalAddRequest(long ExpectedVersion, IReadOnlyList<StreamAppendEntry> Entries, StreamTrimOptions Trim, bool NoMakeStream, long NowMs);
