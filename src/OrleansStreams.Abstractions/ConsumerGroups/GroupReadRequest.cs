using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// One key of an XREADGROUP. <paramref name="HistoryAfter"/> is null for <c>&gt;</c> (new entries); otherwise the
/// explicit ID (incomplete → seq 0), and the consumer's own pending entries after it are read again. As in Redis,
/// the greatest ID (18446744073709551615-18446744073709551615) given explicitly means <c>&gt;</c>.
/// <paramref name="Count"/> is COUNT, 0 meaning no limit (a negative COUNT is 0).
/// </summary>
public sealed record GroupReadRequest(string Consumer, StreamId? HistoryAfter, long Count, bool NoAck, long NowMs);
