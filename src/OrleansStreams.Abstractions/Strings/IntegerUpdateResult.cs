namespace OrleansStreams.Strings;

public readonly record struct IntegerUpdateResult(NumberUpdateStatus Status, long Value);
