using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>One consumer of XINFO CONSUMERS. <see cref="Inactive"/> is null on servers before Redis 7.2.</summary>
public sealed record ConsumerInfo(string Name, long Pending, TimeSpan Idle, TimeSpan? Inactive, IReadOnlyDictionary<string, RespValue> Fields);
