namespace OrleansStreams.Strings;

/// <summary>
/// One SET. <see cref="ExpiresAtMs"/> is absolute (Unix ms) and used only with <see cref="SetExpiryMode.At"/>;
/// <see cref="ReturnOldValue"/> is SET ... GET.
/// </summary>
public readonly record struct StringSetRequest(
    byte[] Value,
    SetCondition Condition,
    SetExpiryMode ExpiryMode,
    long ExpiresAtMs,
    bool ReturnOldValue,
    long NowMs);
