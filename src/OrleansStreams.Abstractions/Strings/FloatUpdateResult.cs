namespace OrleansStreams.Strings;

/// <summary>On success <see cref="Text"/> is the new value as stored and replied (Redis's human-friendly long double text).</summary>
public readonly record struct FloatUpdateResult(NumberUpdateStatus Status, byte[]? Text);
