namespace OrleansStreams.Api.Streams;

/// <summary>The API follows <see cref="Stream"/> after <see cref="After"/> (an entry ID, or "&gt;" / "0" for a group member).</summary>
public sealed record ReadyEvent(string Stream, string After) : TailEvent;
