using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Streams;

/// <summary>
/// An entry to append. With <see cref="ExpectedVersion"/> the append happens only while the stream's version (its
/// entries-added counter) equals it, else 409 Conflict.
/// </summary>
public sealed record AppendRequest
{
    /// <summary>Field names and values: <c>{"item":"widget"}</c>, or <c>[["item","widget"]]</c> to repeat a name.</summary>
    public JsonFields? Fields { get; init; }

    /// <summary><c>utf8</c> (default) or <c>base64</c>: how the names and values of <see cref="Fields"/> are written.</summary>
    public FieldEncoding Encoding { get; init; } = FieldEncoding.Utf8;

    /// <summary>The entry ID: <c>*</c> (default), <c>ms-*</c> or an explicit <c>ms-seq</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Append only if the stream is at this version (XADDIF); a missing stream is at version 0.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>Do not create a missing stream (NOMKSTREAM): the reply is then 404.</summary>
    public bool NoMkStream { get; init; }

    /// <summary>Trim in the same command (MAXLEN or MINID).</summary>
    public TrimRequest? Trim { get; init; }
}
