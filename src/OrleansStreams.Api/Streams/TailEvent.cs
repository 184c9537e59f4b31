using System.Text.Json.Serialization;
using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Streams;

/// <summary>The data of a tail or consume event: an <see cref="EntryResponse"/> ("entry"), a <see cref="ReadyEvent"/> ("ready") or an <see cref="ErrorEvent"/> ("error", the last).</summary>
[JsonDerivedType(typeof(EntryResponse))]
[JsonDerivedType(typeof(ReadyEvent))]
[JsonDerivedType(typeof(ErrorEvent))]
public abstract record TailEvent;
