namespace OrleansStreams.Streams;

/// <summary>A number from a stream call: XLEN's length, XDEL's deleted count, XTRIM's removed count.</summary>
public readonly record struct StreamCountResult(StreamStatus Status, long Value);
