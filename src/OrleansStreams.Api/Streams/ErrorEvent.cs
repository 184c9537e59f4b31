namespace OrleansStreams.Api.Streams;

/// <summary>
/// Data of an "error" event: a read failed after the event stream had started, so the problem travels as the last
/// event instead of a status code. <see cref="Detail"/> is the silo's error text where there is one.
/// </summary>
public sealed record ErrorEvent(int Status, string? Title, string? Detail, string? Code) : TailEvent;
