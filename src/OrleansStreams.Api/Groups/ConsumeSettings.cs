using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Groups;

/// <summary>
/// Who consumes what over an event stream. With <see cref="MaxPending"/>, no new entries are read while the consumer
/// has that many unacknowledged, so a slow caller is not handed the whole stream.
/// </summary>
public sealed record ConsumeSettings(string Key, string Group, string Consumer, long Count, long? MaxPending, FieldEncoding Encoding);
