namespace OrleansStreams.Benchmarks.Resp;

public enum RespTokenKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Null,
    Array,
    Map,
    Other,
}
