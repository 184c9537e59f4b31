namespace OrleansStreams.Client;

/// <summary>
/// The outcome of XADDIF / XADDMULTIIF. On success <see cref="Ids"/> are the new entries' IDs; on a version
/// mismatch nothing was appended and <see cref="CurrentVersion"/> is the stream's version as the server stated it.
/// With NOMKSTREAM and no stream, nothing was appended either: not succeeded, no error, version 0.
/// </summary>
public sealed record ConditionalAppendResult(bool Succeeded, IReadOnlyList<string> Ids, long? CurrentVersion, string? Error)
{
    public static ConditionalAppendResult Appended(IReadOnlyList<string> ids) => new(true, ids, null, null);

    public static ConditionalAppendResult Mismatch(long? currentVersion, string error) => new(false, [], currentVersion, error);

    public static ConditionalAppendResult NoStream { get; } = new(false, [], 0, null);
}
