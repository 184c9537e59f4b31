namespace OrleansStreams.Streams;

/// <summary>
/// One XADD. <paramref name="Id"/> is used for <see cref="StreamIdMode.Explicit"/> and (its ms part) for
/// <see cref="StreamIdMode.AutoSequence"/>. <paramref name="NowMs"/> is the command's clock reading.
/// </summary>
public sealed record StreamAddRequest(StreamIdMode IdMode, StreamId Id, StreamFields Fields, StreamTrimOptions Trim, bool NoMakeStream, long NowMs);
